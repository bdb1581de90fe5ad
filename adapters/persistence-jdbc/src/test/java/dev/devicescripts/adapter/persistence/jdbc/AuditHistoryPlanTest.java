package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.port.out.AuditFixtures;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.AuditResource;
import dev.devicescripts.domain.audit.IntuneAudits;
import dev.devicescripts.domain.audit.Stamp;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How H2 reads the history of one script, without timing it: through the side table's index of that script's
 * entries, in the page's order, so that it stops after a page however many entries the tenant has, instead of
 * walking the tenant's whole log in order and testing each entry against the script's (scanCount 200,001 at 200,000
 * entries). Each statement's plan is H2's EXPLAIN of it with the same parameters.
 */
class AuditHistoryPlanTest {
    @TempDir
    Path dataDirectory;

    @Test
    void theHistoryOfOneScriptReadsOnlyItsEntriesThroughTheSideTablesIndexInThePagesOrder() throws Exception {
        String script = UUID.randomUUID().toString();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.directory().write(TENANT, writes -> {
                for (int i = 0; i < 300; i++) {
                    writes.record(event(i % 10 == 0 ? script : UUID.randomUUID().toString(), i));
                }
                return null;
            });
        }
        List<String> plans = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "")) {
            Connection explained = explained(connection, plans);
            Query<AuditEvent> first = new Query<>(AuditEventCollection.AUDIT_EVENTS, Optional.of(
                    new Filter.AnyEquals<>(AuditEventCollection.RESOURCE_IDS, script)), List.of(), 0, 20,
                    Optional.empty());
            Page<AuditEvent> page = JdbcAuditLogRepository.EVENTS.page(explained, TENANT, first,
                    row -> AuditRows.auditEvent(row.getString("entry")));
            JdbcAuditLogRepository.EVENTS.page(explained, TENANT, new Query<>(first.set(), first.filter(),
                    first.orderBy(), 0, 20, page.next()), row -> AuditRows.auditEvent(row.getString("entry")));
            assertThat(JdbcAuditLogRepository.EVENTS.count(explained, TENANT, first.filter())).isEqualTo(30);
        }

        assertThat(plans).hasSize(3).allSatisfy(plan -> assertThat(plan)
                .contains("FROM \"PUBLIC\".\"AUDIT_EVENT_RESOURCE\"\n    /* PUBLIC.AUDIT_EVENT_RESOURCE_ORDER:")
                .contains("INNER JOIN \"PUBLIC\".\"AUDIT_EVENT\""));
        assertThat(plans.subList(0, 2)).allSatisfy(plan -> assertThat(plan).endsWith("/* index sorted */"));
    }

    private static AuditEvent event(String resourceId, int second) {
        Stamp stamp = AuditFixtures.stamp(AuditFixtures.AT.plusSeconds(second), AuditFixtures.APP);
        return new AuditEvent(stamp.id(), "Patch " + IntuneAudits.SCRIPT_TYPE, "Patch", IntuneAudits.CATEGORY,
                stamp.at(), stamp.correlationId(), stamp.actor(), List.of(new AuditResource("Script",
                        IntuneAudits.SCRIPT_TYPE, resourceId, List.of())));
    }

    /** The connection, whose each query also adds H2's EXPLAIN of itself, with its parameters, to {@code plans}. */
    private static Connection explained(Connection connection, List<String> plans) {
        return proxy(Connection.class, connection, (method, arguments) -> {
            if (!method.getName().equals("prepareStatement") || arguments.length != 1) {
                return method.invoke(connection, arguments);
            }
            PreparedStatement statement = connection.prepareStatement((String) arguments[0]);
            PreparedStatement explain = connection.prepareStatement("EXPLAIN " + arguments[0]);
            return proxy(PreparedStatement.class, statement, (call, parameters) -> {
                if (call.getName().equals("setObject")) {
                    call.invoke(explain, parameters);
                } else if (call.getName().equals("close")) {
                    explain.close();
                } else if (call.getName().equals("executeQuery")) {
                    try (ResultSet plan = explain.executeQuery()) {
                        plan.next();
                        plans.add(plan.getString(1));
                    }
                }
                return call.invoke(statement, parameters);
            });
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] arguments) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.invoke(method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        }));
    }
}
