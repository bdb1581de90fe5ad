package dev.devicescripts.domain.targeting;

import static dev.devicescripts.domain.targeting.TargetingFixtures.allDevices;
import static dev.devicescripts.domain.targeting.TargetingFixtures.allUsers;
import static dev.devicescripts.domain.targeting.TargetingFixtures.collection;
import static dev.devicescripts.domain.targeting.TargetingFixtures.deviceId;
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
import static dev.devicescripts.domain.targeting.TargetingFixtures.user;
import static dev.devicescripts.domain.targeting.TargetingFixtures.userId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.windowsFilter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of targeting.md 3, one test per rule and per cell of the include/exclude matrix. */
class EffectiveTargetingTest {
    private static final ManagedDevice DEVICE_1 = managed(1).name("LAB-042").build();

    private static TargetResult onDevice(DirectorySnapshot directory, TargetedScript script, ManagedDevice device) {
        return onDevice(directory, script, device, false);
    }

    private static TargetResult onDevice(DirectorySnapshot directory, TargetedScript script, ManagedDevice device,
                                         boolean applyFilters) {
        return new EffectiveTargeting(directory, applyFilters).ofDevices(script, List.of(device)).get(0);
    }

    private static TargetResult onUser(DirectorySnapshot directory, TargetedScript script, User user) {
        return new EffectiveTargeting(directory, false).ofUsers(script, List.of(user)).get(0);
    }

    /** Each step as code:outcome. */
    private static List<String> steps(TargetResult result) {
        return result.reasons().stream().map(reason -> reason.code().graphName() + ":" + reason.outcome().graphName())
                .toList();
    }

    private static DirectorySnapshot.Builder withDevice1() {
        return DirectorySnapshot.builder().device(entra(1)).managedDevice(DEVICE_1);
    }

    @Nested
    class Groups {
        @Test
        void aGroupHoldingTheEntraDeviceReachesTheManagedDevice() {
            DirectorySnapshot directory = withDevice1().group(group(1), entraId(1)).build();

            TargetResult result = onDevice(directory, script(include(1)), DEVICE_1);

            assertThat(result.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(result.isApplicable()).isTrue();
            assertThat(result.runContext()).isEqualTo(RunAsAccount.SYSTEM);
            assertThat(steps(result)).containsExactly("target.groupDirect:included", "decision.included:included");
            Reason reason = result.reasons().get(0);
            assertThat(reason.dimension()).isEqualTo(SubjectType.DEVICE);
            assertThat(reason.groupId()).isEqualTo(groupId(1));
            assertThat(reason.groupDisplayName()).isEqualTo("G1");
            assertThat(reason.membershipPath()).containsExactly(groupId(1), entraId(1));
            assertThat(reason.viaUserId()).isNull();
            assertThat(reason.filter()).isNull();
            assertThat(reason.message()).isEqualTo("LAB-042's Entra device is in G1.");
        }

        @Test
        void aNestedGroupReachesThroughTheShortestPath() {
            DirectorySnapshot directory = withDevice1().group(group(1), groupId(2), groupId(3))
                    .group(group(2), groupId(4)).group(group(3), entraId(1)).group(group(4), entraId(1)).build();

            TargetResult result = onDevice(directory, script(include(1)), DEVICE_1);

            assertThat(steps(result)).containsExactly("target.groupNested:included", "decision.included:included");
            assertThat(result.reasons().get(0).membershipPath()).containsExactly(groupId(1), groupId(3), entraId(1));
            assertThat(result.reasons().get(0).message()).isEqualTo("LAB-042's Entra device is in G1 through G3.");
        }

        @Test
        void aCycleOfGroupsEndsTheWalk() {
            DirectorySnapshot directory = withDevice1().user(user(1)).group(group(1), groupId(2))
                    .group(group(2), groupId(1), entraId(1), userId(1)).build();

            TargetResult device = onDevice(directory, script(include(1)), DEVICE_1);
            TargetResult user = onUser(directory, script(include(2)), user(1));

            assertThat(steps(device)).containsExactly("target.groupNested:included", "decision.included:included");
            assertThat(device.reasons().get(0).membershipPath()).containsExactly(groupId(1), groupId(2), entraId(1));
            assertThat(steps(user)).containsExactly("target.groupDirect:included", "decision.included:included");
        }

        @Test
        void theJoinIsOnTheEntraDeviceIdNotItsObjectId() {
            // Entra device 2's object id is Entra device 1's deviceId: a group holding it does not hold device 1.
            Device lookalike = new Device(deviceId(1), deviceId(2), "LOOKALIKE", "Windows", "10.0", true, "AzureAd",
                    true, true, "company", null, null, null);
            DirectorySnapshot directory = withDevice1().device(lookalike).group(group(1), deviceId(1))
                    .group(group(2), entraId(1)).build();

            assertThat(onDevice(directory, script(include(1)), DEVICE_1).state()).isEqualTo(TargetState.NOT_TARGETED);
            assertThat(onDevice(directory, script(include(2)), DEVICE_1).state()).isEqualTo(TargetState.INCLUDED);
        }

        @Test
        void aGroupThatDoesNotExistReachesNobody() {
            TargetResult result = onDevice(withDevice1().build(), script(include(9)), DEVICE_1);

            assertThat(steps(result)).containsExactly("decision.notTargeted:notTargeted");
        }

        @Test
        void aDeviceWithoutAnEntraDeviceIsInNoGroupButAllDevicesReachesIt() {
            ManagedDevice unregistered = managed(2).azureADDeviceId(null).build();
            DirectorySnapshot directory = withDevice1().managedDevice(unregistered).group(group(1), entraId(1))
                    .build();

            TargetResult result = onDevice(directory, script(include(1), allDevices()), unregistered);

            assertThat(steps(result)).containsExactly("target.allDevices:included", "decision.included:included");
            assertThat(result.notApplicableReason()).isEqualTo(NotApplicableReason.NO_DIRECTORY_DEVICE);
        }

        @Test
        void aNonWindowsDeviceIsReachedThroughAGroupButNotByAllDevices() {
            ManagedDevice mac = managed(1).os("macOS").build();
            DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1)).managedDevice(mac)
                    .group(group(1), entraId(1)).build();

            TargetResult grouped = onDevice(directory, script(include(1)), mac);
            TargetResult all = onDevice(directory, script(allDevices()), mac);

            assertThat(grouped.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(grouped.notApplicableReason()).isEqualTo(NotApplicableReason.NOT_WINDOWS);
            assertThat(steps(all)).containsExactly("decision.notTargeted:notTargeted");
            assertThat(all.notApplicableReason()).isEqualTo(NotApplicableReason.NOT_WINDOWS);
        }
    }

    @Nested
    class Users {
        @Test
        void aUserGroupReachesTheDevicesOfItsPrimaryAndSignedInUsersOnce() {
            ManagedDevice shared = managed(1).primary(1).loggedOn(1, 2, 3).build();
            DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1)).managedDevice(shared)
                    .user(user(1)).user(user(2)).group(group(1), userId(1), userId(2), userId(3)).build();

            TargetResult result = onDevice(directory, script(include(1)), shared);

            assertThat(steps(result)).containsExactly("target.viaPrimaryUser:included",
                    "target.viaSignedInUser:included", "decision.included:included");
            assertThat(result.reasons()).extracting(Reason::viaUserId).containsExactly(userId(1), userId(2), null);
            assertThat(result.reasons()).extracting(Reason::dimension)
                    .containsExactly(SubjectType.USER, SubjectType.USER, null);
            assertThat(result.reasons().get(0).membershipPath()).containsExactly(groupId(1), userId(1));
            assertThat(result.reasons().get(1).message()).isEqualTo("DEV-1's signed-in user User2 is in G1.");
        }

        @Test
        void allLicensedUsersReachesDevicesOfEnabledLicensedUsersOnly() {
            ManagedDevice device = managed(1).primary(2).loggedOn(1, 3).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1))
                    .user(user(2, true, false)).user(user(3, false, true)).build();

            TargetResult result = onDevice(directory, script(allUsers()), device);

            assertThat(steps(result)).containsExactly("target.viaSignedInUser:included", "decision.included:included");
            assertThat(result.reasons().get(0).viaUserId()).isEqualTo(userId(1));
            assertThat(onUser(directory, script(allUsers()), user(1)).reasons()).extracting(Reason::code)
                    .containsExactly(ReasonCode.ALL_LICENSED_USERS, ReasonCode.INCLUDED);
            TargetResult unlicensed = onUser(directory, script(allUsers()), user(2, true, false));
            assertThat(unlicensed.state()).isEqualTo(TargetState.NOT_TARGETED);
            assertThat(unlicensed.notApplicableReason()).isEqualTo(NotApplicableReason.USER_NOT_LICENSED);
            assertThat(onUser(directory, script(allUsers()), user(3, false, true)).state())
                    .isEqualTo(TargetState.NOT_TARGETED);
        }

        @Test
        void aUserSubjectIsAboutTheUserDimensionOnly() {
            DirectorySnapshot directory = withDevice1().user(user(1)).group(group(1), userId(1), entraId(1))
                    .group(group(2), groupId(1)).build();

            TargetResult result = onUser(directory, script(include(2), allDevices(), collection()), user(1));

            assertThat(steps(result)).containsExactly("target.groupNested:included", "decision.included:included");
            assertThat(result.reasons().get(0).dimension()).isEqualTo(SubjectType.USER);
            assertThat(result.reasons().get(0).membershipPath()).containsExactly(groupId(2), groupId(1), userId(1));
            assertThat(result.subjectType()).isEqualTo(SubjectType.USER);
            assertThat(result.subjectDisplayName()).isEqualTo("User1");
        }

        @Test
        void aUserWhoSignsInOnNoJoinedWindowsDeviceHasNoSignedInDevice() {
            ManagedDevice joined = managed(1).primary(1).build();
            ManagedDevice registered = managed(2).primary(2).joinType("azureADRegistered").build();
            DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1)).device(entra(2))
                    .managedDevice(joined).managedDevice(registered).user(user(1)).user(user(2)).user(user(3))
                    .group(group(1), userId(1), userId(2), userId(3)).build();

            assertThat(onUser(directory, script(include(1)), user(1)).isApplicable()).isTrue();
            assertThat(onUser(directory, script(include(1)), user(2)).notApplicableReason())
                    .isEqualTo(NotApplicableReason.NO_SIGNED_IN_DEVICE);
            assertThat(onUser(directory, script(include(1)), user(3)).notApplicableReason())
                    .isEqualTo(NotApplicableReason.NO_SIGNED_IN_DEVICE);
        }

        @Test
        void aUserExclusionRemovesTheUser() {
            DirectorySnapshot directory = DirectorySnapshot.builder().user(user(1)).group(group(1), userId(1))
                    .group(group(2), userId(1)).build();

            TargetResult result = onUser(directory, script(include(1), exclude(2)), user(1));

            assertThat(steps(result)).containsExactly("target.groupDirect:excluded", "target.groupDirect:excluded",
                    "decision.excluded:excluded");
        }
    }

    @Nested
    class Applicability {
        private TargetResult device(ManagedDevice device, Device entra, RunAsAccount runAs, boolean viaUser) {
            DirectorySnapshot directory = DirectorySnapshot.builder().device(entra).managedDevice(device)
                    .user(user(1)).group(group(1), entra.id()).group(group(2), userId(1)).build();
            return onDevice(directory, script(runAs, viaUser ? include(2) : include(1)), device);
        }

        @Test
        void homeEditionsAreNotApplicable() {
            for (int sku : new int[] {101, 111, 98, 99, 100}) {
                assertThat(device(managed(1).sku(sku).build(), entra(1), RunAsAccount.SYSTEM, false)
                        .notApplicableReason()).as("SKU %d", sku).isEqualTo(NotApplicableReason.WINDOWS_HOME);
            }
        }

        @Test
        void surfaceHubIsNotApplicable() {
            TargetResult result = device(managed(1).sku(119).build(), entra(1), RunAsAccount.SYSTEM, false);

            assertThat(result.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(result.notApplicableReason()).isEqualTo(NotApplicableReason.SURFACE_HUB);
        }

        @Test
        void aRegisteredDeviceSkipsUserContextAndUserTargeting() {
            ManagedDevice registered = managed(1).joinType("azureADRegistered").primary(1).build();

            assertThat(device(registered, entra(1), RunAsAccount.SYSTEM, false).isApplicable()).isTrue();
            assertThat(device(registered, entra(1), RunAsAccount.USER, false).notApplicableReason())
                    .isEqualTo(NotApplicableReason.USER_CONTEXT_ON_REGISTERED_DEVICE);
            TargetResult viaUser = device(registered, entra(1), RunAsAccount.SYSTEM, true);
            assertThat(viaUser.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(viaUser.notApplicableReason())
                    .isEqualTo(NotApplicableReason.USER_TARGETING_ON_REGISTERED_DEVICE);
        }

        @Test
        void aWorkplaceTrustMakesADeviceRegistered() {
            ManagedDevice device = managed(1).primary(1).joinType("unknown").build();

            assertThat(device(device, entra(1, "Workplace"), RunAsAccount.USER, false).notApplicableReason())
                    .isEqualTo(NotApplicableReason.USER_CONTEXT_ON_REGISTERED_DEVICE);
            assertThat(device(device, entra(1), RunAsAccount.USER, false).isApplicable()).isTrue();
        }

        @Test
        void applicabilityIsGivenForDevicesTheScriptDoesNotTarget() {
            TargetResult result = onDevice(withDevice1().build(), script(), managed(1).sku(101).build());

            assertThat(result.state()).isEqualTo(TargetState.NOT_TARGETED);
            assertThat(result.notApplicableReason()).isEqualTo(NotApplicableReason.WINDOWS_HOME);
        }
    }

    @Nested
    class Collections {
        @Test
        void aCoManagedDeviceIsIndeterminate() {
            ManagedDevice coManaged = managed(1).agent("configurationManagerClientMdm").build();
            DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1)).managedDevice(coManaged)
                    .build();

            TargetResult result = onDevice(directory, script(collection()), coManaged);

            assertThat(steps(result)).containsExactly("target.unresolvable:indeterminate",
                    "decision.unresolvable:indeterminate");
            assertThat(result.state()).isEqualTo(TargetState.INDETERMINATE);
            assertThat(result.reasons().get(0).dimension()).isNull();
        }

        @Test
        void aDeviceThatIsNotCoManagedIsNotConcerned() {
            TargetResult result = onDevice(withDevice1().build(), script(collection()), DEVICE_1);

            assertThat(steps(result)).containsExactly("decision.notTargeted:notTargeted");
        }
    }

    @Nested
    class Matrix {
        @Test
        void r1SeveralInclusionsAreEachAReason() {
            DirectorySnapshot directory = withDevice1().group(group(1), entraId(1)).group(group(2), entraId(1))
                    .build();

            TargetResult result = onDevice(directory, script(include(1), include(2), allDevices()), DEVICE_1);

            assertThat(steps(result)).containsExactly("target.groupDirect:included", "target.groupDirect:included",
                    "target.allDevices:included", "decision.included:included");
        }

        @Test
        void r2ADeviceExclusionWinsOverDeviceInclusions() {
            DirectorySnapshot directory = withDevice1().group(group(1), entraId(1)).group(group(2), entraId(1))
                    .build();

            TargetResult result = onDevice(directory, script(include(1), allDevices(), exclude(2)), DEVICE_1);

            assertThat(result.state()).isEqualTo(TargetState.EXCLUDED);
            assertThat(steps(result)).containsExactly("target.groupDirect:excluded", "target.allDevices:excluded",
                    "target.groupDirect:excluded", "decision.excluded:excluded");
            assertThat(result.reasons().get(2).message()).isEqualTo("LAB-042's Entra device is in G2, which the "
                    + "script excludes.");
        }

        @Test
        void r2AUserExclusionWinsOverUserInclusionsThroughThatUser() {
            ManagedDevice device = managed(1).primary(1).loggedOn(2).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1)).user(user(2))
                    .group(group(1), userId(1), userId(2)).group(group(2), userId(1)).build();

            TargetResult result = onDevice(directory, script(include(1), exclude(2)), device);

            assertThat(result.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(steps(result)).containsExactly("target.viaPrimaryUser:excluded",
                    "target.viaSignedInUser:included", "target.viaPrimaryUser:excluded", "decision.included:included");
        }

        @Test
        void r2EveryUserPathExcludedLeavesTheDeviceExcluded() {
            ManagedDevice device = managed(1).primary(1).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1))
                    .group(group(1), userId(1)).group(group(2), userId(1)).build();

            TargetResult result = onDevice(directory, script(allUsers(), include(1), exclude(2)), device);

            assertThat(result.state()).isEqualTo(TargetState.EXCLUDED);
            assertThat(steps(result)).containsExactly("target.viaPrimaryUser:excluded",
                    "target.viaPrimaryUser:excluded", "target.viaPrimaryUser:excluded", "decision.excluded:excluded");
        }

        @Test
        void r3AnExclusionAloneReachesNobody() {
            DirectorySnapshot directory = withDevice1().group(group(1), entraId(1)).build();

            TargetResult result = onDevice(directory, script(exclude(1)), DEVICE_1);

            assertThat(result.state()).isEqualTo(TargetState.NOT_TARGETED);
            assertThat(steps(result)).containsExactly("target.groupDirect:excluded",
                    "decision.notTargeted:notTargeted");
        }

        @Test
        void r4IncludeDevicesExcludeUsersLeavesTheDeviceIncluded() {
            ManagedDevice device = managed(1).primary(1).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1))
                    .group(group(1), entraId(1)).group(group(2), userId(1)).build();

            TargetResult result = onDevice(directory, script(include(1), exclude(2)), device);

            assertThat(result.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(steps(result)).containsExactly("target.groupDirect:included",
                    "target.viaPrimaryUser:notEvaluated", "decision.crossDimensionNotEvaluated:included");
        }

        @Test
        void r4IncludeUsersExcludeDevicesIsIndeterminate() {
            ManagedDevice device = managed(1).primary(1).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1))
                    .group(group(1), userId(1)).group(group(2), entraId(1)).build();

            TargetResult result = onDevice(directory, script(include(1), exclude(2)), device);

            assertThat(result.state()).isEqualTo(TargetState.INDETERMINATE);
            assertThat(steps(result)).containsExactly("target.viaPrimaryUser:indeterminate",
                    "target.groupDirect:excluded", "decision.crossDimensionIndeterminate:indeterminate");
        }

        @Test
        void r5AMixedGroupActsInBothDimensions() {
            ManagedDevice device = managed(1).primary(1).build();
            DirectorySnapshot directory = withDevice1().managedDevice(device).user(user(1))
                    .group(group(1), entraId(1), userId(1)).build();

            TargetResult included = onDevice(directory, script(include(1)), device);
            TargetResult excluded = onDevice(directory, script(allDevices(), allUsers(), exclude(1)), device);

            assertThat(steps(included)).containsExactly("target.groupDirect:included",
                    "target.viaPrimaryUser:included", "decision.included:included");
            assertThat(included.reasons()).extracting(Reason::dimension)
                    .containsExactly(SubjectType.DEVICE, SubjectType.USER, null);
            assertThat(excluded.state()).isEqualTo(TargetState.EXCLUDED);
            assertThat(steps(excluded)).containsExactly("target.allDevices:excluded",
                    "target.viaPrimaryUser:excluded", "target.groupDirect:excluded", "target.viaPrimaryUser:excluded",
                    "decision.excluded:excluded");
        }
    }

    @Nested
    class Filters {
        private final DirectorySnapshot directory = withDevice1().group(group(1), entraId(1))
                .group(group(2), entraId(1))
                .filter(windowsFilter(1, "device.model -eq \"Laptop 7\""))
                .filter(windowsFilter(2, "device.model -eq \"Desktop\""))
                .filter(filter(3, FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.APPS,
                        "app.appVersion -eq \"1\""))
                .filter(filter(4, FilterPlatform.MAC_OS, FilterManagementType.DEVICES, "device.model -eq \"Laptop 7\""))
                .build();

        private FilterCheck check(AssignmentFilter filter) {
            return onDevice(directory, script(include(1, filter)), DEVICE_1).reasons().get(0).filter();
        }

        @Test
        void filtersAreEvaluatedAndReportedNotApplied() {
            TargetResult result = onDevice(directory, script(include(1, AssignmentFilter.include(filterId(2)))),
                    DEVICE_1);

            assertThat(result.state()).isEqualTo(TargetState.INCLUDED);
            assertThat(result.reasons().get(0).filter())
                    .isEqualTo(new FilterCheck(filterId(2), AssignmentFilterType.INCLUDE, FilterResult.NOT_MATCH,
                            false));
            assertThat(check(AssignmentFilter.exclude(filterId(1))).result()).isEqualTo(FilterResult.MATCH);
            assertThat(check(AssignmentFilter.include(filterId(9))).result()).isEqualTo(FilterResult.NOT_EVALUATED);
            assertThat(check(AssignmentFilter.include(filterId(3))).result()).isEqualTo(FilterResult.INVALID);
            assertThat(check(AssignmentFilter.include(filterId(4))).result()).isEqualTo(FilterResult.NOT_MATCH);
            assertThat(onUser(DirectorySnapshot.builder().user(user(1)).group(group(1), userId(1)).build(),
                    script(include(1, AssignmentFilter.include(filterId(1)))), user(1)).reasons().get(0).filter())
                    .extracting(FilterCheck::result, FilterCheck::applied)
                    .containsExactly(FilterResult.NOT_EVALUATED, false);
        }

        private TargetResult applied(AssignmentFilter first, AssignmentFilter second) {
            return onDevice(directory, script(include(1, first), include(2, second)), DEVICE_1, true);
        }

        @Test
        void applyFiltersResolvesAnExcludeFilterFirst() {
            TargetResult result = applied(AssignmentFilter.exclude(filterId(1)), AssignmentFilter.NONE);

            assertThat(result.state()).isEqualTo(TargetState.EXCLUDED);
            assertThat(steps(result)).containsExactly("target.groupDirect:included", "target.groupDirect:included",
                    "decision.filterExcluded:excluded");
            assertThat(result.reasons().get(0).filter().applied()).isTrue();
            assertThat(applied(AssignmentFilter.exclude(filterId(2)), AssignmentFilter.include(filterId(2))).state())
                    .isEqualTo(TargetState.INCLUDED);
        }

        @Test
        void applyFiltersLetsAPathWithoutFilterThrough() {
            assertThat(applied(AssignmentFilter.include(filterId(2)), AssignmentFilter.NONE).state())
                    .isEqualTo(TargetState.INCLUDED);
            // A filter that names nothing counts as none.
            assertThat(applied(AssignmentFilter.include(filterId(2)), AssignmentFilter.include(filterId(9))).state())
                    .isEqualTo(TargetState.INCLUDED);
        }

        @Test
        void applyFiltersWithIncludeFiltersOnlyNeedsOneMatch() {
            assertThat(applied(AssignmentFilter.include(filterId(2)), AssignmentFilter.include(filterId(1))).state())
                    .isEqualTo(TargetState.INCLUDED);
            assertThat(applied(AssignmentFilter.include(filterId(2)), AssignmentFilter.include(filterId(4))).state())
                    .isEqualTo(TargetState.EXCLUDED);
        }
    }
}
