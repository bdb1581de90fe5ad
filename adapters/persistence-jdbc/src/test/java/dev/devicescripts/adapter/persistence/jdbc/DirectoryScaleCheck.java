package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;

import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.port.out.DirectoryFixtures;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite: the issue's scale written through the port in one transaction on H2, timed, then the reads
 * the bench measures. Run it by hand, with the heap the issue allows:
 * {@code mvn -pl adapters/persistence-jdbc -am test -Dtest=DirectoryScaleCheck -Ddirectory.scale=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}
 */
class DirectoryScaleCheck {
    private static final int USERS = 100_000;
    private static final int DEVICES = 100_000;
    /** 10 top groups, each level ten times the one above, the rest at the fifth level: 5 deep. */
    private static final int GROUPS = 10_000;
    private static final int GROUPS_PER_USER = 6;
    private static final int GROUPS_PER_DEVICE = 4;

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void theIssuesScaleWritesInOneTransactionAndReadsStayQuick() {
        Assumptions.assumeTrue(Boolean.getBoolean("directory.scale"), "run by hand with -Ddirectory.scale=true");
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            DirectoryRepository directory = store.directory();
            Random random = new Random(14);
            List<UUID> groups = new ArrayList<>();
            UUID[] someDevice = new UUID[1];
            long started = System.nanoTime();
            long edges = directory.write(TENANT, writes -> {
                long added = 0;
                for (int i = 0; i < GROUPS; i++) {
                    Group group = DirectoryFixtures.group("Group " + i);
                    writes.put(group);
                    groups.add(group.id());
                    int level = i < 10 ? 0 : i < 100 ? 1 : i < 1_000 ? 2 : i < 5_000 ? 3 : 4;
                    if (level > 0) {
                        int parentsFrom = level == 1 ? 0 : level == 2 ? 10 : level == 3 ? 100 : 1_000;
                        int parentsTo = level == 1 ? 10 : level == 2 ? 100 : level == 3 ? 1_000 : 5_000;
                        writes.addMember(groups.get(parentsFrom + random.nextInt(parentsTo - parentsFrom)),
                                group.id());
                        added++;
                    }
                }
                for (int i = 0; i < USERS; i++) {
                    User user = DirectoryFixtures.user("User " + i, "user" + i + "@contoso.test");
                    writes.put(user);
                    for (int g = 0; g < GROUPS_PER_USER; g++) {
                        writes.addMember(groups.get(random.nextInt(GROUPS)), user.id());
                        added++;
                    }
                }
                for (int i = 0; i < DEVICES; i++) {
                    Device device = DirectoryFixtures.device("LAB-" + i, "Windows");
                    ManagedDevice managed = DirectoryFixtures.managedDevice("LAB-" + i, "Windows", null,
                            device.deviceId());
                    writes.put(device);
                    writes.put(managed);
                    someDevice[0] = device.id();
                    for (int g = 0; g < GROUPS_PER_DEVICE; g++) {
                        // Devices sit in the deepest groups, so their walks up go 5 levels.
                        writes.addMember(groups.get(5_000 + random.nextInt(GROUPS - 5_000)), device.id());
                        added++;
                    }
                }
                return added;
            });
            report("write " + USERS + " users, " + DEVICES + " devices and managed devices, " + GROUPS + " groups, "
                    + edges + " member additions in one transaction", started);

            DirectoryReads reads = directory.reads(TENANT);
            for (int run = 0; run < 3; run++) {
                timed("transitiveMemberOf of one device (run " + run + ")", () -> reads.memberOf(someDevice[0],
                        true, Query.firstPage(GroupCollection.GROUPS, 100)).items().size());
                timed("groups by displayName, first page of 100 (run " + run + ")", () -> reads.groups(
                        new Query<>(GroupCollection.GROUPS, Optional.empty(),
                                List.of(SortKey.ascending(GroupCollection.DISPLAY_NAME)), 0, 100, Optional.empty()))
                        .items().size());
                timed("countMemberOf transitive of one device (run " + run + ")",
                        () -> (int) reads.countMemberOf(someDevice[0], true, Optional.empty()));
            }
            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        }
    }

    private static void timed(String what, Supplier<Integer> read) {
        long started = System.nanoTime();
        int items = read.get();
        report(what + ": " + items + " items", started);
    }

    private static void report(String what, long started) {
        System.out.printf("SCALE %s: %.1f ms%n", what, (System.nanoTime() - started) / 1e6);
    }
}
