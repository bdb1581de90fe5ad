package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.FILTER_ID;
import static dev.devicescripts.domain.Fixtures.group;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentTargetTest {

    @Test
    void thereIsOneRecordPerKindOfGraphTarget() {
        assertThat(AssignmentTarget.class.getPermittedSubclasses())
                .allMatch(Class::isRecord)
                .containsExactlyInAnyOrder(GroupAssignmentTarget.class, ExclusionGroupAssignmentTarget.class,
                        AllDevicesAssignmentTarget.class, AllLicensedUsersAssignmentTarget.class,
                        ConfigurationManagerCollectionAssignmentTarget.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targetsAndTheirKeys")
    void eachTargetHasTheKeyGraphUsesInAssignmentIds(AssignmentTarget target, String key) {
        assertThat(target.key()).isEqualTo(key);
    }

    static Stream<Arguments> targetsAndTheirKeys() {
        GroupId groupId = GroupId.of("3FA85F64-5717-4562-B3FC-2C963F66AFA6", "groupId");
        String lowerCase = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        return Stream.of(
                arguments(GroupAssignmentTarget.withoutFilter(groupId), lowerCase),
                arguments(new ExclusionGroupAssignmentTarget(groupId), lowerCase),
                arguments(new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE),
                        "SMS00001"),
                arguments(new AllDevicesAssignmentTarget(AssignmentFilter.NONE),
                        "adadadad-808e-44e2-905a-0b7873a8a531"),
                arguments(new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE),
                        "acacacac-9df4-4c7d-9d50-4ef0226f57a9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filteredTargets")
    void includeTargetsTakeAnAssignmentFilter(AssignmentTarget target) {
        assertThat(target.filter()).isEqualTo(AssignmentFilter.include(FILTER_ID));
    }

    static Stream<AssignmentTarget> filteredTargets() {
        AssignmentFilter filter = AssignmentFilter.include(FILTER_ID);
        return Stream.of(new GroupAssignmentTarget(group(1), filter), new AllDevicesAssignmentTarget(filter),
                new AllLicensedUsersAssignmentTarget(filter),
                new ConfigurationManagerCollectionAssignmentTarget("SMS00001", filter));
    }

    @Test
    void anExclusionTargetWithoutAFilterIsAccepted() {
        assertThat(new ExclusionGroupAssignmentTarget(group(1), AssignmentFilter.NONE).filter().isNone()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"include", "exclude"})
    void anExclusionTargetWithAFilterIsRejected(String type) {
        AssignmentFilter filter = new AssignmentFilter(AssignmentFilterType.fromGraphName(type, "type"), FILTER_ID);

        assertRejected(() -> new ExclusionGroupAssignmentTarget(group(1), filter), "filterType",
                "must be none on an ExclusionGroupAssignmentTarget: exclusion targets take no assignment filter");
    }

    @Test
    void aGroupTargetWithoutAGroupIdIsRejected() {
        assertRejected(() -> GroupAssignmentTarget.withoutFilter(null), "groupId", "is required");
    }

    @Test
    void anExclusionTargetWithoutAGroupIdIsRejected() {
        assertRejected(() -> new ExclusionGroupAssignmentTarget(null), "groupId", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMS00001", "ABC00012", "a", "collection-1_x.y"})
    void aCollectionIdWithoutSeparatorsIsAccepted(String collectionId) {
        assertThat(collection(collectionId).collectionId()).isEqualTo(collectionId);
    }

    @Test
    void aCollectionIdOf128CharactersIsAccepted() {
        assertThat(collection("c".repeat(128)).key()).hasSize(128);
    }

    @Test
    void aCollectionIdOf129CharactersIsRejected() {
        assertRejected(() -> collection("c".repeat(129)), "collectionId", "must be at most 128 characters long");
    }

    @Test
    void aMissingCollectionIdIsRejected() {
        assertRejected(() -> collection(null), "collectionId", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\u00A0"})
    void aBlankCollectionIdIsRejected(String blank) {
        assertRejected(() -> collection(blank), "collectionId", "must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMS:0001", "SMS/0001", "SMS 0001", "SMS0001 ", "SMS\t0001", "SMS\n0001",
            "SMS\u00A00001", "SMS\u202F0001"})
    void aCollectionIdWithAColonSlashOrWhiteSpaceIsRejected(String collectionId) {
        assertRejected(() -> collection(collectionId), "collectionId", "must not contain ':', '/' or white space");
    }

    private static ConfigurationManagerCollectionAssignmentTarget collection(String collectionId) {
        return new ConfigurationManagerCollectionAssignmentTarget(collectionId, AssignmentFilter.NONE);
    }

    @Test
    void anAssignmentIdIsTheScriptIdAColonAndTheKey() {
        ScriptId scriptId = Fixtures.SCRIPT_ID;

        assertThat(AssignmentId.of(scriptId, new AllDevicesAssignmentTarget(AssignmentFilter.NONE)))
                .hasToString(scriptId + ":adadadad-808e-44e2-905a-0b7873a8a531");
    }
}
