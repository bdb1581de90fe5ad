package dev.devicescripts.domain.targeting;

import static dev.devicescripts.domain.targeting.TargetingFixtures.allDevices;
import static dev.devicescripts.domain.targeting.TargetingFixtures.allUsers;
import static dev.devicescripts.domain.targeting.TargetingFixtures.collection;
import static dev.devicescripts.domain.targeting.TargetingFixtures.deviceId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.dynamicGroup;
import static dev.devicescripts.domain.targeting.TargetingFixtures.entra;
import static dev.devicescripts.domain.targeting.TargetingFixtures.entraId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.exclude;
import static dev.devicescripts.domain.targeting.TargetingFixtures.filter;
import static dev.devicescripts.domain.targeting.TargetingFixtures.filterId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.group;
import static dev.devicescripts.domain.targeting.TargetingFixtures.groupId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.include;
import static dev.devicescripts.domain.targeting.TargetingFixtures.managed;
import static dev.devicescripts.domain.targeting.TargetingFixtures.script;
import static dev.devicescripts.domain.targeting.TargetingFixtures.unifiedGroup;
import static dev.devicescripts.domain.targeting.TargetingFixtures.user;
import static dev.devicescripts.domain.targeting.TargetingFixtures.userId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.windowsFilter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A script's targets and a subject's scripts are two answers of the same rules: for random small directories and
 * assignment sets they must hold the same results.
 */
class TargetingAgreementProperties {
    private static final String[] JOIN_TYPES = {"azureADJoined", "hybridAzureADJoined", "azureADRegistered", null};
    private static final String[] TRUST_TYPES = {"AzureAd", "ServerAd", "Workplace"};
    private static final Integer[] SKUS = {4, 48, 101, 98, 119, null};

    @Property(tries = 200)
    void targetsAgreeWithTheScriptsOfEverySubject(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int limit,
                                                  @ForAll boolean applyFilters) {
        Random random = new Random(seed);
        List<User> users = new ArrayList<>();
        List<ManagedDevice> devices = new ArrayList<>();
        DirectorySnapshot directory = directory(random, users, devices);
        List<TargetedScript> scripts = IntStream.rangeClosed(1, 1 + random.nextInt(3))
                .mapToObj(n -> script(n, random.nextBoolean() ? RunAsAccount.SYSTEM : RunAsAccount.USER,
                        targets(random)))
                .toList();

        Map<TargetedScript, List<TargetResult>> expected = new LinkedHashMap<>();
        scripts.forEach(script -> expected.put(script, new ArrayList<>()));
        for (ManagedDevice device : devices) {
            new EffectiveTargeting(directory, applyFilters).scriptsOfDevice(scripts, device)
                    .forEach(result -> expected.get(result.script()).add(result.result()));
        }
        for (User user : users) {
            new EffectiveTargeting(directory, applyFilters).scriptsOfUser(scripts, user)
                    .forEach(result -> expected.get(result.script()).add(result.result()));
        }
        for (TargetedScript script : scripts) {
            List<TargetResult> paged = new ArrayList<>();
            Optional<UUID> after = Optional.empty();
            do {
                TargetPage page = new EffectiveTargeting(directory, applyFilters)
                        .targets(script, after, limit, result -> true);
                assertThat(page.items().size()).isLessThanOrEqualTo(limit);
                paged.addAll(page.items());
                after = page.next();
            } while (after.isPresent());

            assertThat(paged).containsExactlyElementsOf(expected.get(script).stream()
                    .filter(result -> result.state() != TargetState.NOT_TARGETED)
                    .sorted(Comparator.comparing(TargetResult::subjectId, SubjectOrder.IDS)).toList());
        }
    }

    private static DirectorySnapshot directory(Random random, List<User> users, List<ManagedDevice> devices) {
        DirectorySnapshot.Builder builder = DirectorySnapshot.builder();
        int userCount = random.nextInt(13);
        int entraCount = random.nextInt(13);
        int groupCount = random.nextInt(9);
        for (int n = 1; n <= userCount; n++) {
            users.add(user(n, random.nextInt(5) > 0, random.nextInt(4) > 0));
            builder.user(users.get(n - 1));
        }
        for (int n = 1; n <= entraCount; n++) {
            builder.device(entra(n, TRUST_TYPES[random.nextInt(TRUST_TYPES.length)]));
        }
        for (int n = random.nextInt(16); n > 0; n--) {
            TargetingFixtures.Managed device = managed(n).id(new UUID(random.nextLong(), random.nextLong()))
                    .azureADDeviceId(random.nextInt(5) == 0 ? null : deviceId(1 + random.nextInt(entraCount + 2)))
                    .joinType(JOIN_TYPES[random.nextInt(JOIN_TYPES.length)])
                    .sku(SKUS[random.nextInt(SKUS.length)])
                    .os(random.nextInt(6) == 0 ? "macOS" : "Windows")
                    .agent(random.nextInt(4) == 0 ? "configurationManagerClientMdm" : "mdm")
                    .model(random.nextBoolean() ? "Laptop 7" : "Desktop");
            if (random.nextInt(3) > 0) {
                device.primary(1 + random.nextInt(userCount + 1));
            }
            device.loggedOn(IntStream.range(0, random.nextInt(3)).map(i -> 1 + random.nextInt(userCount + 1))
                    .toArray());
            devices.add(device.build());
            builder.managedDevice(devices.get(devices.size() - 1));
        }
        for (int n = 1; n <= groupCount; n++) {
            List<UUID> members = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                int kind = random.nextInt(3);
                if (kind == 0 && userCount > 0) {
                    members.add(userId(1 + random.nextInt(userCount)));
                } else if (kind == 1 && entraCount > 0) {
                    members.add(entraId(1 + random.nextInt(entraCount)));
                } else if (kind == 2) {
                    int nested = 1 + random.nextInt(groupCount);
                    if (nested != n) {
                        members.add(groupId(nested));
                    }
                }
            }
            int type = random.nextInt(5);
            builder.group(type == 0 ? dynamicGroup(n) : type == 1 ? unifiedGroup(n) : group(n),
                    members.toArray(UUID[]::new));
        }
        return builder.filter(windowsFilter(1, "device.model -eq \"Laptop 7\""))
                .filter(windowsFilter(2, "device.operatingSystemSKU -in [\"Enterprise\", \"Core\"]"))
                .filter(filter(3, FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.APPS,
                        "app.appVersion -eq \"1\""))
                .filter(filter(4, FilterPlatform.MAC_OS, FilterManagementType.DEVICES, "device.model -eq \"x\""))
                .build();
    }

    /** Up to 6 targets of every kind, each key once (as an assign requires); groups 1-9 (9 never exists). */
    private static List<AssignmentTarget> targets(Random random) {
        Map<String, AssignmentTarget> targets = new LinkedHashMap<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            AssignmentFilter filter = switch (random.nextInt(4)) {
                case 0 -> AssignmentFilter.include(filterId(1 + random.nextInt(5)));
                case 1 -> AssignmentFilter.exclude(filterId(1 + random.nextInt(5)));
                default -> AssignmentFilter.NONE;
            };
            int group = 1 + random.nextInt(9);
            AssignmentTarget target = switch (random.nextInt(6)) {
                case 0, 1 -> include(group, filter);
                case 2 -> exclude(group);
                case 3 -> new AllDevicesAssignmentTarget(filter);
                case 4 -> new AllLicensedUsersAssignmentTarget(filter);
                default -> random.nextBoolean() ? collection() : random.nextBoolean() ? allDevices() : allUsers();
            };
            targets.putIfAbsent(target.key(), target);
        }
        return List.copyOf(targets.values());
    }
}
