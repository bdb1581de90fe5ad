package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lists and counts any collection's items in its {@link SqlTable}, filtered, ordered and paged in the database as the
 * query model says, never by loading every item. Every JDBC repository pages through one of these.
 *
 * @param <T> the items' type
 */
public final class SqlCollection<T> {
    /** Reads one row of a page into an item. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final SqlTable<T> table;
    private final String columns;
    private final QuerySql<T> querySql;
    /** What the statements read FROM: the table by its alias, or a join that restricts it. */
    private final String from;

    /** @param columns what a page reads of each row, e.g. {@code s.id, s.display_name} */
    public SqlCollection(SqlTable<T> table, String columns) {
        this(table, columns, table.from());
    }

    private SqlCollection(SqlTable<T> table, String columns, String from) {
        this.table = table;
        this.columns = columns;
        this.querySql = new QuerySql<>(table);
        this.from = from;
    }

    /**
     * The same collection read FROM {@code from}, a join that names the table by its alias and whose other rows
     * restrict it, such as a membership walk's (conditions on them go in a page's or count's {@code within}).
     */
    SqlCollection<T> from(String from) {
        return new SqlCollection<>(table, columns, from);
    }

    /**
     * The page of the tenant's items that the query names, read with {@code reader}; {@code next} is present exactly
     * when more items follow: one more row than the page holds tells.
     */
    public Page<T> page(Connection connection, TenantId tenant, Query<T> query, RowReader<T> reader)
            throws SQLException {
        return page(connection, tenant, query, reader, null);
    }

    /** The page as above among the items {@code within} holds: a condition on what it reads FROM, or null. */
    Page<T> page(Connection connection, TenantId tenant, Query<T> query, RowReader<T> reader, Condition within)
            throws SQLException {
        Reading<T> reading = reading(query.filter(), within);
        Condition listed = reading.querySql().listed(tenant, new Query<>(query.set(), reading.filter(),
                query.orderBy(), query.skip(), query.top(), query.after()), reading.within());
        String statement = "SELECT " + columns + " FROM " + reading.from() + " WHERE " + listed.sql()
                + " ORDER BY " + reading.querySql().orderBy(query.orderBy()) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<Object> parameters = new ArrayList<>(listed.parameters());
        parameters.add(query.skip());
        parameters.add(query.top() + 1);
        List<T> items = new ArrayList<>();
        try (PreparedStatement list = prepare(connection, statement, parameters.toArray());
             ResultSet rows = list.executeQuery()) {
            while (rows.next()) {
                items.add(reader.read(rows));
            }
        }
        if (items.size() <= query.top()) {
            return new Page<>(items, Optional.empty());
        }
        List<T> page = items.subList(0, query.top());
        return new Page<>(page, Optional.of(query.cursorAfter(page.get(page.size() - 1))));
    }

    /** How many of the tenant's items the filter matches (all of them when it is empty). */
    public long count(Connection connection, TenantId tenant, Optional<Filter<T>> filter) throws SQLException {
        return count(connection, tenant, filter, null);
    }

    /** How many of the items {@code within} holds (a condition on what it reads FROM, or null) the filter matches. */
    long count(Connection connection, TenantId tenant, Optional<Filter<T>> filter, Condition within)
            throws SQLException {
        Reading<T> reading = reading(filter, within);
        Condition counted = reading.querySql().counted(tenant, reading.filter(), reading.within());
        try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM " + reading.from() + " WHERE "
                + counted.sql(), counted.parameters().toArray());
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * How a statement reads the items the filter matches among those {@code within} holds: FROM {@link #from}, or,
     * when the filter holds only items with one element of a list in a side table ({@code any} tests it, alone or
     * and-ed with other tests), FROM that element's rows of the side table joined to their items, read through the
     * side table's index (SqlTable#through), so that the database reads that element's items only, however many the
     * tenant has, and the default order's page stops after one page's rows. That test is then {@code within}.
     */
    private Reading<T> reading(Optional<Filter<T>> filter, Condition within) {
        List<Filter<T>> conjuncts = filter.map(SqlCollection::conjuncts).orElse(List.of());
        Optional<Filter.AnyEquals<T>> inSideTable = conjuncts.stream()
                .flatMap(conjunct -> conjunct instanceof Filter.AnyEquals<T> any ? Stream.of(any) : Stream.empty())
                .filter(any -> table.sideTable(any.property()).isPresent()).findFirst();
        if (inSideTable.isEmpty()) {
            return new Reading<>(from, querySql, filter, within);
        }
        Filter.AnyEquals<T> element = inSideTable.get();
        SqlTable.SideTable side = table.sideTable(element.property()).get();
        String joined = from + " JOIN " + side.table() + " ON " + side.table() + ".tenant_id = "
                + table.tenantColumn() + " AND " + side.table() + ".id = " + table.column(table.set().key());
        Condition ofElement = new Condition(side.table() + "." + side.column() + " = ?",
                Values.folded(element.value()));
        Optional<Filter<T>> others = conjuncts.stream().filter(conjunct -> conjunct != element)
                .reduce(Filter.And::new);
        return new Reading<>(joined, new QuerySql<>(table.through(side)), others,
                Condition.all(Stream.concat(Stream.ofNullable(within), Stream.of(ofElement)).toList()));
    }

    /** The tests an and of tests makes, in order; a filter that is no and is its one test. */
    private static <T> List<Filter<T>> conjuncts(Filter<T> filter) {
        if (filter instanceof Filter.And<T> and) {
            return Stream.concat(conjuncts(and.left()).stream(), conjuncts(and.right()).stream()).toList();
        }
        return List.of(filter);
    }

    /** What a statement reads FROM, the SQL of its query there, and what it asks of the rows it reads. */
    private record Reading<T>(String from, QuerySql<T> querySql, Optional<Filter<T>> filter, Condition within) {
    }
}
