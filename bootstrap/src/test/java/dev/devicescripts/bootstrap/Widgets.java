package dev.devicescripts.bootstrap;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.INTEGER;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.adapter.persistence.jdbc.SqlCollection;
import dev.devicescripts.adapter.persistence.jdbc.SqlTable;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A collection that exists only in tests, declared as docs/adding-a-collection.md says, with a store in memory and one
 * in H2 built from the generic machinery alone: the proof that a new collection needs no change to it.
 */
final class Widgets {
    record Widget(UUID id, String name, String color, Long weight, boolean fragile, Instant made, List<String> tags) {
    }

    static final Property<Widget> ID = Property.<Widget>of("id", GUID, Widget::id).selectOnly();
    static final Property<Widget> NAME = Property.of("name", STRING, Widget::name);
    static final Property<Widget> COLOR = Property.enumeration("color", List.of("red", "green", "blue"),
            Widget::color);
    static final Property<Widget> WEIGHT = Property.<Widget>of("weight", INTEGER, Widget::weight).nullable();
    static final Property<Widget> FRAGILE = Property.of("fragile", BOOLEAN, Widget::fragile);
    static final Property<Widget> MADE = Property.of("madeDateTime", DATE_TIME, Widget::made);
    static final Property<Widget> TAGS = Property.<Widget>of("tags", STRING_LIST, Widget::tags)
            .filterableByAny();
    static final EntitySet<Widget> WIDGETS = new EntitySet<>("widget",
            List.of(ID, NAME, COLOR, WEIGHT, FRAGILE, MADE, TAGS), ID, List.of(SortKey.ascending(NAME)), List.of());

    private Widgets() {
    }

    /** Where a test keeps widgets: each store lists them through the machinery of its adapter. */
    interface Store extends ListUseCase<Widget>, AutoCloseable {
        void add(TenantId tenant, Widget widget);

        @Override
        void close();
    }

    static Store inMemory() {
        Map<UUID, Map.Entry<TenantId, Widget>> widgets = new ConcurrentHashMap<>();
        return new Store() {
            @Override
            public void add(TenantId tenant, Widget widget) {
                widgets.put(widget.id(), Map.entry(tenant, widget));
            }

            @Override
            public Page<Widget> list(Caller caller, Query<Widget> query) {
                return Pages.page(of(caller), query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<Widget>> filter) {
                return Pages.count(of(caller), filter);
            }

            private java.util.stream.Stream<Widget> of(Caller caller) {
                return widgets.values().stream().filter(entry -> entry.getKey().equals(caller.tenant()))
                        .map(Map.Entry::getValue);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Widgets in a table of an H2 database in memory, its columns named as SqlTable expects. */
    static Store inH2() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:widgets-" + UUID.randomUUID());
        try (Statement create = connection.createStatement()) {
            create.execute("""
                    CREATE TABLE widget (tenant_id uuid NOT NULL, id uuid NOT NULL, name varchar NOT NULL,
                        name_folded varchar NOT NULL, color varchar NOT NULL, weight bigint, fragile boolean NOT NULL,
                        made_date_time timestamp(6) with time zone NOT NULL, tags varchar NOT NULL,
                        tags_folded varchar NOT NULL,
                        PRIMARY KEY (tenant_id, id))""");
        }
        SqlCollection<Widget> listed = new SqlCollection<>(new SqlTable<>(WIDGETS, "widget", "w"), "w.*");
        return new Store() {
            @Override
            public synchronized void add(TenantId tenant, Widget widget) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO widget VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, tenant.value());
                    insert.setObject(2, widget.id());
                    insert.setString(3, widget.name());
                    insert.setString(4, Values.folded(widget.name()));
                    insert.setString(5, widget.color());
                    insert.setObject(6, widget.weight());
                    insert.setBoolean(7, widget.fragile());
                    insert.setObject(8, OffsetDateTime.ofInstant(widget.made(), ZoneOffset.UTC));
                    insert.setString(9, String.join(",", widget.tags()));
                    insert.setString(10, SqlTable.foldedList(widget.tags()));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public synchronized Page<Widget> list(Caller caller, Query<Widget> query) {
                try {
                    return listed.page(connection, caller.tenant(), query, row -> new Widget(
                            row.getObject("id", UUID.class), row.getString("name"), row.getString("color"),
                            row.getObject("weight", Long.class), row.getBoolean("fragile"),
                            row.getObject("made_date_time", OffsetDateTime.class).toInstant(),
                            row.getString("tags").isEmpty() ? List.of() : List.of(row.getString("tags").split(","))));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public synchronized long count(Caller caller, Optional<Filter<Widget>> filter) {
                try {
                    return listed.count(connection, caller.tenant(), filter);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
