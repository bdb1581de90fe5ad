package dev.devicescripts.domain.targeting;

import static dev.devicescripts.domain.targeting.TargetingFixtures.allDevices;
import static dev.devicescripts.domain.targeting.TargetingFixtures.allUsers;
import static dev.devicescripts.domain.targeting.TargetingFixtures.collection;
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
import static dev.devicescripts.domain.targeting.TargetingFixtures.managedId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.script;
import static dev.devicescripts.domain.targeting.TargetingFixtures.unifiedGroup;
import static dev.devicescripts.domain.targeting.TargetingFixtures.user;
import static dev.devicescripts.domain.targeting.TargetingFixtures.userId;
import static dev.devicescripts.domain.targeting.TargetingFixtures.windowsFilter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The answers built on the rules: a script's targets page by page, reverse lookups, and the warnings of 4.5. */
class TargetingAnswersTest {

    /** 30 Windows devices and 10 licensed users, none in a group but group 1, which holds devices 1-3 and user 1. */
    private static DirectorySnapshot tenant() {
        DirectorySnapshot.Builder builder = DirectorySnapshot.builder();
        IntStream.rangeClosed(1, 30).forEach(n -> builder.device(entra(n)).managedDevice(managed(n).build()));
        IntStream.rangeClosed(1, 10).forEach(n -> builder.user(user(n)));
        return builder.group(group(1), entraId(1), entraId(2), entraId(3), userId(1)).build();
    }

    private static List<TargetResult> pageThrough(EffectiveTargeting targeting, TargetedScript script, int limit,
                                                  Predicate<TargetResult> wanted, List<Integer> pageSizes) {
        List<TargetResult> all = new ArrayList<>();
        Optional<UUID> after = Optional.empty();
        do {
            TargetPage page = targeting.targets(script, after, limit, wanted);
            pageSizes.add(page.items().size());
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    @Test
    void targetsPagesThroughDevicesAndUsersMergedInIdOrder() {
        TargetedScript script = script(allDevices(), allUsers());
        List<Integer> sizes = new ArrayList<>();

        List<TargetResult> all = pageThrough(new EffectiveTargeting(tenant(), false), script, 7, result -> true, sizes);

        assertThat(all).hasSize(40);
        assertThat(all).extracting(TargetResult::subjectId).isSortedAccordingTo(SubjectOrder.IDS);
        assertThat(sizes).containsExactly(7, 7, 7, 7, 7, 5);
        TargetPage afterTen = new EffectiveTargeting(tenant(), false)
                .targets(script, Optional.of(all.get(9).subjectId()), 3, result -> true);
        assertThat(afterTen.items()).containsExactlyElementsOf(all.subList(10, 13));
        assertThat(afterTen.next()).contains(all.get(12).subjectId());
    }

    @Test
    void targetsKeepsOnlyTheWantedResults() {
        List<TargetResult> users = pageThrough(new EffectiveTargeting(tenant(), false),
                script(allDevices(), allUsers()), 4, result -> result.subjectType() == SubjectType.USER,
                new ArrayList<>());

        assertThat(users).extracting(TargetResult::subjectId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(TargetingFixtures::userId).toList());
    }

    @Test
    void targetsOfGroupsWalkOnlyTheGroupsMembersAndTheirUsersDevices() {
        DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1)).device(entra(2))
                .managedDevice(managed(1).build()).managedDevice(managed(2).primary(1).build())
                .managedDevice(managed(3).build()).user(user(1)).group(group(1), entraId(1), userId(1)).build();

        TargetPage page = new EffectiveTargeting(directory, false).targets(script(include(1)), Optional.empty(), 10,
                result -> true);

        assertThat(page.items()).extracting(TargetResult::subjectId)
                .containsExactly(userId(1), managedId(1), managedId(2));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void aPageEndsWhenTheScanBudgetIsSpent() {
        // Devices 4-30 are not in group 1 and the script reaches them only through All devices when it has it.
        TargetedScript script = script(include(1));
        EffectiveTargeting targeting = new EffectiveTargeting(tenant(), false, 2);

        TargetPage first = targeting.targets(script, Optional.empty(), 100, result -> true);
        List<Integer> sizes = new ArrayList<>();
        List<TargetResult> all = pageThrough(new EffectiveTargeting(tenant(), false, 2), script, 100, r -> true, sizes);

        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).contains(first.items().get(1).subjectId());
        assertThat(all).extracting(TargetResult::subjectId)
                .containsExactly(userId(1), managedId(1), managedId(2), managedId(3));
        assertThat(sizes).containsExactly(2, 2);
    }

    @Test
    void aSubjectsScriptsIncludeTheOnesThatDoNotTargetIt() {
        TargetedScript grouped = script(1, RunAsAccount.SYSTEM, List.of(include(1)));
        TargetedScript unassigned = script(2, RunAsAccount.USER, List.of());
        EffectiveTargeting targeting = new EffectiveTargeting(tenant(), false);

        List<ScriptResult> ofDevice = targeting.scriptsOfDevice(List.of(unassigned, grouped), managed(1).build());
        List<ScriptResult> ofUser = targeting.scriptsOfUser(List.of(unassigned, grouped), user(1));

        assertThat(ofDevice).extracting(result -> result.result().state())
                .containsExactly(TargetState.NOT_TARGETED, TargetState.INCLUDED);
        assertThat(ofDevice.get(0).result().runContext()).isEqualTo(RunAsAccount.USER);
        assertThat(ofUser).extracting(ScriptResult::script).containsExactly(unassigned, grouped);
        assertThat(ofUser.get(1).result().state()).isEqualTo(TargetState.INCLUDED);
    }

    @Test
    void assignedScriptsNameTheGroupOrAGroupHoldingIt() {
        DirectorySnapshot directory = DirectorySnapshot.builder().group(group(1), groupId(2))
                .group(group(2), groupId(3)).group(group(3), groupId(1)).group(group(4)).build();
        TargetedScript script = script(1, RunAsAccount.SYSTEM, List.of(include(3), exclude(1), include(4)));

        List<GroupScriptLink> links = new EffectiveTargeting(directory, false).assignedScripts(List.of(script),
                group(3));

        assertThat(links).extracting(GroupScriptLink::via)
                .containsExactly(GroupScriptLink.Via.DIRECT, GroupScriptLink.Via.PARENT_GROUP);
        assertThat(links.get(0).groupPath()).containsExactly(groupId(3));
        assertThat(links.get(1).groupPath()).containsExactly(groupId(1), groupId(2), groupId(3));
        assertThat(links.get(1).assignment().target()).isEqualTo(exclude(1));
    }

    @Test
    void warningsOfEveryKind() {
        DirectorySnapshot directory = DirectorySnapshot.builder()
                .device(entra(1)).managedDevice(managed(1).build())
                .device(entra(2)).managedDevice(managed(2).joinType("azureADRegistered").build())
                .user(user(1))
                .group(group(1), entraId(1), entraId(2)).group(unifiedGroup(2), userId(1)).group(group(3))
                .group(dynamicGroup(4), entraId(1)).group(group(5), userId(1)).group(group(6), groupId(6))
                .filter(windowsFilter(1, "device.deviceOwnership -eq \"Corp\" -or device.cpuArchitecture -in "
                        + "[\"amd64\", \"\", \"sparc\"]"))
                .filter(filter(3, FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.APPS,
                        "app.appVersion -eq \"1\""))
                .filter(filter(4, FilterPlatform.MAC_OS, FilterManagementType.DEVICES, "device.model -eq \"x\""))
                .build();
        List<List<AssignmentTarget>> sets = List.of(
                List.of(),
                List.of(exclude(1)),
                List.of(include(9)),
                List.of(include(2)),
                List.of(include(3), include(6)),
                List.of(include(1), exclude(5)),
                List.of(allUsers(), exclude(4)),
                List.of(collection()),
                List.of(include(1, AssignmentFilter.include(filterId(9)))),
                List.of(include(1, AssignmentFilter.exclude(filterId(4)))),
                List.of(include(1, AssignmentFilter.include(filterId(3)))),
                List.of(include(1, AssignmentFilter.include(filterId(1)))),
                List.of(allDevices(), allUsers(), include(1)));
        List<TargetedScript> scripts = new ArrayList<>();
        IntStream.range(0, sets.size()).forEach(n -> scripts.add(script(n, RunAsAccount.SYSTEM, sets.get(n))));
        TargetedScript userContext = script(99, RunAsAccount.USER, List.of(include(1)));
        scripts.add(userContext);

        List<TargetingWarning> warnings = new EffectiveTargeting(directory, false).warnings(scripts);

        assertThat(scripts).extracting(script -> warnings.stream().filter(warning -> warning.script().equals(script))
                .map(TargetingWarning::code).toList()).containsExactly(
                List.of(WarningCode.UNASSIGNED),
                List.of(WarningCode.EXCLUSION_ONLY),
                List.of(WarningCode.GROUP_NOT_FOUND),
                List.of(WarningCode.NON_SECURITY_GROUP),
                List.of(WarningCode.EMPTY_GROUP, WarningCode.EMPTY_GROUP),
                List.of(WarningCode.MIXED_USER_DEVICE_EXCLUSION),
                List.of(WarningCode.MIXED_USER_DEVICE_EXCLUSION, WarningCode.DYNAMIC_DEVICE_GROUP_EXCLUSION),
                List.of(WarningCode.UNRESOLVABLE_TARGET),
                List.of(WarningCode.FILTER_IGNORED_FOR_SCRIPTS, WarningCode.FILTER_NOT_FOUND),
                List.of(WarningCode.FILTER_IGNORED_FOR_SCRIPTS, WarningCode.FILTER_PLATFORM_MISMATCH),
                List.of(WarningCode.FILTER_IGNORED_FOR_SCRIPTS, WarningCode.FILTER_MANAGEMENT_TYPE_MISMATCH),
                List.of(WarningCode.FILTER_IGNORED_FOR_SCRIPTS, WarningCode.FILTER_VALUE_NEVER_MATCHES),
                List.of(WarningCode.ALL_TARGETS_PLUS_GROUPS),
                List.of(WarningCode.USER_CONTEXT_ON_REGISTERED_DEVICES));
        TargetingWarning never = warnings.stream()
                .filter(warning -> warning.code() == WarningCode.FILTER_VALUE_NEVER_MATCHES).findFirst().orElseThrow();
        assertThat(never.message()).isEqualTo("Filter F1 (" + filterId(1) + ") compares deviceOwnership with "
                + "\"Corp\", cpuArchitecture with \"sparc\", which no device has.");
        assertThat(never.filterId()).isEqualTo(filterId(1));
        TargetingWarning mixed = warnings.stream()
                .filter(warning -> warning.code() == WarningCode.MIXED_USER_DEVICE_EXCLUSION).findFirst().orElseThrow();
        assertThat(mixed.groupId()).isEqualTo(groupId(5));
        assertThat(mixed.assignmentId()).isNotNull();
        assertThat(mixed.message()).contains("G5 (" + groupId(5) + ")");
        assertThat(WarningCode.GROUP_NOT_FOUND.severity()).isEqualTo(WarningCode.Severity.ERROR);
    }

    @Test
    void aSystemScriptOnRegisteredDevicesIsNoWarning() {
        DirectorySnapshot directory = DirectorySnapshot.builder().device(entra(1))
                .managedDevice(managed(1).joinType("azureADRegistered").build()).group(group(1), entraId(1)).build();

        assertThat(new EffectiveTargeting(directory, false).warnings(List.of(script(include(1))))).isEmpty();
        assertThat(new EffectiveTargeting(directory, false).warnings(List.of(script(RunAsAccount.USER, include(1)))))
                .extracting(TargetingWarning::code).containsExactly(WarningCode.USER_CONTEXT_ON_REGISTERED_DEVICES);
    }
}
