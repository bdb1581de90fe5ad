package dev.devicescripts.bootstrap;

import static dev.devicescripts.bootstrap.AssignLifecycle.FILTER;
import static dev.devicescripts.bootstrap.AssignLifecycle.GROUP;
import static dev.devicescripts.bootstrap.AssignLifecycle.OTHER_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.microsoft.graph.beta.devicemanagement.assignmentfilters.AssignmentFiltersRequestBuilder;
import com.microsoft.graph.beta.devicemanagement.assignmentfilters.validatefilter.ValidateFilterPostRequestBody;
import com.microsoft.graph.beta.devicemanagement.devicemanagementscripts.DeviceManagementScriptsRequestBuilder;
import com.microsoft.graph.beta.devicemanagement.devicemanagementscripts.item.assign.AssignPostRequestBody;
import com.microsoft.graph.beta.models.AllDevicesAssignmentTarget;
import com.microsoft.graph.beta.models.AllLicensedUsersAssignmentTarget;
import com.microsoft.graph.beta.models.AssignmentFilterManagementType;
import com.microsoft.graph.beta.models.AssignmentFilterSupportedProperty;
import com.microsoft.graph.beta.models.AssignmentFilterValidationResult;
import com.microsoft.graph.beta.models.AssociatedAssignmentPayloadType;
import com.microsoft.graph.beta.models.AuditEvent;
import com.microsoft.graph.beta.models.AuditProperty;
import com.microsoft.graph.beta.models.ConfigurationManagerCollectionAssignmentTarget;
import com.microsoft.graph.beta.models.Device;
import com.microsoft.graph.beta.models.DeviceAndAppManagementAssignmentFilter;
import com.microsoft.graph.beta.models.DeviceAndAppManagementAssignmentFilterType;
import com.microsoft.graph.beta.models.DeviceAndAppManagementAssignmentTarget;
import com.microsoft.graph.beta.models.DeviceManagementScript;
import com.microsoft.graph.beta.models.DeviceManagementScriptAssignment;
import com.microsoft.graph.beta.models.DeviceManagementScriptCollectionResponse;
import com.microsoft.graph.beta.models.DeviceManagementScriptGroupAssignment;
import com.microsoft.graph.beta.models.DevicePlatformType;
import com.microsoft.graph.beta.models.DirectoryAudit;
import com.microsoft.graph.beta.models.ExclusionGroupAssignmentTarget;
import com.microsoft.graph.beta.models.Group;
import com.microsoft.graph.beta.models.GroupAssignmentTarget;
import com.microsoft.graph.beta.models.ModifiedProperty;
import com.microsoft.graph.beta.models.OperationResult;
import com.microsoft.graph.beta.models.PasswordProfile;
import com.microsoft.graph.beta.models.ReferenceCreate;
import com.microsoft.graph.beta.models.RunAsAccountType;
import com.microsoft.graph.beta.models.User;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's Graph beta Java SDK used as its users use it, against the packaged jar: only the base URL and the token
 * differ from a call to graph.microsoft.com. Every assertion is on what the SDK hands its user.
 */
class GraphSdkIT {

    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String ALL_DEVICES = "adadadad-808e-44e2-905a-0b7873a8a531";
    private static final String ALL_LICENSED_USERS = "acacacac-9df4-4c7d-9d50-4ef0226f57a9";
    private static final String EXCLUDED_GROUP = "44444444-4444-4444-4444-444444444444";
    private static final String COLLECTION = "P0100042";
    private static final byte[] CONTENT = "Write-Output 'hello'".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path otherDataDirectory;

    private static RunningJar jar;
    private static String adminToken;
    private static GraphServiceClient admin;
    private static GraphServiceClient reader;
    private static GraphServiceClient stranger;
    private static GraphServiceClient directoryAdmin;
    private static GraphServiceClient configurationAdmin;
    private static GraphServiceClient auditor;

    @BeforeAll
    static void startTheJarAndPointTheSdkAtIt() throws Exception {
        adminToken = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        String readerToken = JarTokens.mint("--tenant", TENANT, "--scopes", "DeviceManagementScripts.Read.All",
                "--data-dir", dataDirectory.toString());
        String strangerToken = JarTokens.mint("--tenant", TENANT, "--data-dir", otherDataDirectory.toString());
        String directoryAdminToken = JarTokens.mint("--tenant", TENANT, "--scopes",
                "DeviceManagementScripts.ReadWrite.All,Directory.ReadWrite.All", "--data-dir",
                dataDirectory.toString());
        String configurationAdminToken = JarTokens.mint("--tenant", TENANT, "--scopes",
                "DeviceManagementConfiguration.ReadWrite.All", "--data-dir", dataDirectory.toString());
        String auditorToken = JarTokens.mint("--tenant", TENANT, "--scopes",
                "DeviceManagementApps.Read.All AuditLog.Read.All", "--data-dir", dataDirectory.toString());
        jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString());
        int port = jar.awaitPort();
        directoryAdmin = sdkClient(port, directoryAdminToken);
        configurationAdmin = sdkClient(port, configurationAdminToken);
        auditor = sdkClient(port, auditorToken);
        admin = sdkClient(port, adminToken);
        reader = sdkClient(port, readerToken);
        stranger = sdkClient(port, strangerToken);
    }

    @AfterAll
    static void stopTheJar() {
        if (jar != null) {
            jar.close();
        }
    }

    /** The SDK as a user configures it for a server of their own: a fixed token and a base URL. */
    private static GraphServiceClient sdkClient(int port, String token) {
        GraphServiceClient client = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new FixedToken(token)));
        client.getRequestAdapter().setBaseUrl("http://localhost:" + port + "/beta");
        return client;
    }

    /** A token obtained beforehand; no allowed hosts means any host, so the SDK sends it to localhost too. */
    private record FixedToken(String token) implements AccessTokenProvider {
        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
            return token;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator();
        }
    }

    @Test
    void aScriptCreatedThroughTheSdkComesBackWithEveryPropertyAndTheServerSetFields() {
        DeviceManagementScript sent = new DeviceManagementScript();
        sent.setDisplayName("Round trip");
        sent.setDescription("Every property the SDK can send");
        sent.setScriptContent(CONTENT);
        sent.setFileName("roundtrip.ps1");
        sent.setRunAsAccount(RunAsAccountType.User);
        sent.setEnforceSignatureCheck(true);
        sent.setRunAs32Bit(true);
        sent.setRoleScopeTagIds(List.of("0", "7"));

        DeviceManagementScript created = scripts(admin).post(sent);
        DeviceManagementScript read = scripts(admin).byDeviceManagementScriptId(created.getId()).get();

        assertThat(created.getId()).matches(GUID);
        assertThat(created.getCreatedDateTime()).isNotNull();
        assertThat(created.getLastModifiedDateTime()).isNotNull();
        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(read.getCreatedDateTime()).isEqualTo(created.getCreatedDateTime());
        assertThat(read.getLastModifiedDateTime()).isEqualTo(created.getLastModifiedDateTime());
        assertThat(read.getDisplayName()).isEqualTo("Round trip");
        assertThat(read.getDescription()).isEqualTo("Every property the SDK can send");
        assertThat(read.getScriptContent()).isEqualTo(CONTENT);
        assertThat(read.getFileName()).isEqualTo("roundtrip.ps1");
        assertThat(read.getRunAsAccount()).isEqualTo(RunAsAccountType.User);
        assertThat(read.getEnforceSignatureCheck()).isTrue();
        assertThat(read.getRunAs32Bit()).isTrue();
        assertThat(read.getRoleScopeTagIds()).containsExactly("0", "7");
    }

    @Test
    void theSdksAssignTakesEveryTargetKindAndTheListsShowThemWithScriptScopedIds() {
        String id = assignedToEveryTargetKind();
        var script = scripts(admin).byDeviceManagementScriptId(id);

        assertThat(script.assignments().get().getValue()).extracting(DeviceManagementScriptAssignment::getId)
                .containsExactlyInAnyOrder(id + ":" + GROUP, id + ":" + OTHER_GROUP, id + ":" + EXCLUDED_GROUP,
                        id + ":" + ALL_DEVICES, id + ":" + ALL_LICENSED_USERS, id + ":" + COLLECTION);
        // the group view holds every unfiltered include group, whichever collection named it
        assertThat(script.groupAssignments().get().getValue())
                .extracting(DeviceManagementScriptGroupAssignment::getId,
                        DeviceManagementScriptGroupAssignment::getTargetGroupId)
                .containsExactlyInAnyOrder(tuple(id + ":" + GROUP, GROUP), tuple(id + ":" + OTHER_GROUP, OTHER_GROUP));
    }

    @Test
    void eachAssignmentReadByItsIdHasItsTypedTargetAndTheGroupViewItsGroup() {
        String id = assignedToEveryTargetKind();

        assertThat(targetOf(id, GROUP)).isExactlyInstanceOf(GroupAssignmentTarget.class)
                .satisfies(target -> assertThat(((GroupAssignmentTarget) target).getGroupId()).isEqualTo(GROUP))
                .satisfies(target -> assertThat(target.getDeviceAndAppManagementAssignmentFilterType())
                        .isEqualTo(DeviceAndAppManagementAssignmentFilterType.None));
        assertThat(targetOf(id, EXCLUDED_GROUP)).isExactlyInstanceOf(ExclusionGroupAssignmentTarget.class)
                .satisfies(target -> assertThat(((ExclusionGroupAssignmentTarget) target).getGroupId())
                        .isEqualTo(EXCLUDED_GROUP));
        assertThat(targetOf(id, ALL_DEVICES)).isExactlyInstanceOf(AllDevicesAssignmentTarget.class)
                .satisfies(target -> assertThat(target.getDeviceAndAppManagementAssignmentFilterId()).isEqualTo(FILTER))
                .satisfies(target -> assertThat(target.getDeviceAndAppManagementAssignmentFilterType())
                        .isEqualTo(DeviceAndAppManagementAssignmentFilterType.Include));
        assertThat(targetOf(id, ALL_LICENSED_USERS)).isExactlyInstanceOf(AllLicensedUsersAssignmentTarget.class);
        assertThat(targetOf(id, COLLECTION)).isExactlyInstanceOf(ConfigurationManagerCollectionAssignmentTarget.class)
                .satisfies(target -> assertThat(((ConfigurationManagerCollectionAssignmentTarget) target)
                        .getCollectionId()).isEqualTo(COLLECTION));
        assertThat(scripts(admin).byDeviceManagementScriptId(id).groupAssignments()
                .byDeviceManagementScriptGroupAssignmentId(id + ":" + OTHER_GROUP).get().getTargetGroupId())
                .isEqualTo(OTHER_GROUP);
    }

    @Test
    void anSdkAssignWithEmptyListsClearsTheSet() {
        String id = assignedToEveryTargetKind();

        assign(id, List.of(), List.of());

        var script = scripts(admin).byDeviceManagementScriptId(id);
        assertThat(script.assignments().get().getValue()).isEmpty();
        assertThat(script.groupAssignments().get().getValue()).isEmpty();
    }

    @Test
    void aPatchedScriptShowsItsNewNameAndOnceDeletedTheSdkThrowsResourceNotFound() {
        DeviceManagementScript created = create(admin, "Before the patch");
        var script = scripts(admin).byDeviceManagementScriptId(created.getId());
        DeviceManagementScript rename = new DeviceManagementScript();
        rename.setDisplayName("After the patch");

        script.patch(rename);

        DeviceManagementScript patched = script.get();
        assertThat(patched.getDisplayName()).isEqualTo("After the patch");
        assertThat(patched.getFileName()).isEqualTo(created.getFileName());
        assertThat(patched.getScriptContent()).isEqualTo(CONTENT);

        script.delete();

        assertThatThrownBy(script::get).isInstanceOfSatisfying(ODataError.class, error -> {
            assertThat(error.getResponseStatusCode()).isEqualTo(404);
            assertThat(error.getError().getCode()).isEqualTo("ResourceNotFound");
        });
    }

    @Test
    void anAssignNamingOneGroupAsIncludeAndExclusionThrowsBadRequestNamingTheRule() {
        String id = create(admin, "Contradictory assign").getId();

        assertThatThrownBy(() -> assign(id, List.of(), List.of(groupTarget(GROUP), exclusionTarget(GROUP))))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("BadRequest");
                    assertThat(error.getError().getMessage()).contains(GROUP, "include", "exclusion");
                });
        assertThat(scripts(admin).byDeviceManagementScriptId(id).assignments().get().getValue()).isEmpty();
    }

    @Test
    void aReadOnlyTokenCreatingAScriptThrowsForbidden() {
        DeviceManagementScript script = new DeviceManagementScript();
        script.setDisplayName("Not allowed");

        assertThatThrownBy(() -> scripts(reader).post(script)).isInstanceOfSatisfying(ODataError.class, error -> {
            assertThat(error.getResponseStatusCode()).isEqualTo(403);
            assertThat(error.getError().getCode()).isEqualTo("Forbidden");
        });
    }

    @Test
    void aTokenSignedForAnotherDataFolderThrowsInvalidAuthenticationToken() {
        assertThatThrownBy(() -> scripts(stranger).get()).isInstanceOfSatisfying(ODataError.class, error -> {
            assertThat(error.getResponseStatusCode()).isEqualTo(401);
            assertThat(error.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        });
    }

    @Test
    void filterSelectAndTopFromTheSdksQueryParametersAnswerAPageOfMatchingScriptsWithTheSelectedProperties() {
        List<String> matching = createNamed("Selected ", 3);
        create(admin, "Not selected");

        DeviceManagementScriptCollectionResponse page = scripts(admin).get(request -> {
            request.queryParameters.filter = "startswith(displayName,'Selected ')";
            request.queryParameters.select = new String[] {"id", "displayName"};
            request.queryParameters.top = 2;
        });

        assertThat(page.getValue()).hasSize(2).allSatisfy(script -> {
            assertThat(matching).contains(script.getId());
            assertThat(script.getDisplayName()).startsWith("Selected ");
            assertThat(script.getFileName()).isNull();
            assertThat(script.getRunAsAccount()).isNull();
        });
        assertThat(page.getOdataNextLink()).isNotBlank();
    }

    @Test
    void thePageIteratorFollowsNextLinksAndCollectsEveryMatchingScriptExactlyOnce() throws Exception {
        List<String> matching = createNamed("Paged ", 7);
        create(admin, "Unpaged");
        DeviceManagementScriptCollectionResponse firstPage = scripts(admin).get(request -> {
            request.queryParameters.filter = "startswith(displayName,'Paged ')";
            request.queryParameters.top = 2;
        });
        List<String> collected = new ArrayList<>();

        new PageIterator.Builder<DeviceManagementScript, DeviceManagementScriptCollectionResponse>()
                .client(admin)
                .collectionPage(firstPage)
                .collectionPageFactory(DeviceManagementScriptCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(script -> collected.add(script.getId()))
                .build()
                .iterate();

        assertThat(firstPage.getValue()).hasSize(2);
        assertThat(collected).containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void countWithAFilterCountsOnlyTheMatchingScripts() {
        createNamed("Counted ", 3);
        create(admin, "Not counted");

        Integer count = scripts(admin).count().get(request ->
                request.queryParameters.filter = "startswith(displayName,'Counted ')");

        assertThat(count).isEqualTo(3);
    }

    @Test
    void getWithExpandAssignmentsShowsTheAssignmentsInline() {
        String id = create(admin, "Expanded").getId();
        assign(id, List.of(), List.of(groupTarget(GROUP)));

        DeviceManagementScript script = scripts(admin).byDeviceManagementScriptId(id).get(request ->
                request.queryParameters.expand = new String[] {"assignments"});

        assertThat(script.getAssignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.getId()).isEqualTo(id + ":" + GROUP);
            assertThat(assignment.getTarget()).isExactlyInstanceOf(GroupAssignmentTarget.class);
        });
    }

    @Test
    void aJsonBatchOfTwoGetsAndACreateAnswersEachRequestWithItsOwnStatus() throws Exception {
        String existing = create(admin, "Batched").getId();
        String missing = "00000000-0000-0000-0000-00000000beef";
        DeviceManagementScript toCreate = new DeviceManagementScript();
        toCreate.setDisplayName("Created in a batch");
        BatchRequestContent batch = new BatchRequestContent(admin);
        String getExisting = batch.addBatchRequestStep(
                scripts(admin).byDeviceManagementScriptId(existing).toGetRequestInformation());
        String getMissing = batch.addBatchRequestStep(
                scripts(admin).byDeviceManagementScriptId(missing).toGetRequestInformation());
        String post = batch.addBatchRequestStep(scripts(admin).toPostRequestInformation(toCreate));

        BatchResponseContent responses = admin.getBatchRequestBuilder().post(batch, null);

        assertThat(responses.getResponsesStatusCode())
                .containsExactlyInAnyOrderEntriesOf(Map.of(getExisting, 200, getMissing, 404, post, 201));
        assertThat(responses.getResponseById(getExisting, DeviceManagementScript::createFromDiscriminatorValue)
                .getDisplayName()).isEqualTo("Batched");
        DeviceManagementScript created = responses.getResponseById(post,
                DeviceManagementScript::createFromDiscriminatorValue);
        assertThat(scripts(admin).byDeviceManagementScriptId(created.getId()).get().getDisplayName())
                .isEqualTo("Created in a batch");
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedByTheSdkAfterItsRetryAfterSoTheCallsSucceed(@TempDir Path ownDataDirectory)
            throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", ownDataDirectory.toString());
        // one request per two seconds: each call after the first meets a 429 unless the SDK waits out Retry-After
        try (RunningJar throttled = RunningJar.start("--port", "0", "--data-dir", ownDataDirectory.toString(),
                "--throttle", "intune", "--throttle-requests-per-tenant", "1", "--throttle-window", "2")) {
            GraphServiceClient client = sdkClient(throttled.awaitPort(), token);
            String id = create(client, "Throttled").getId();

            for (int call = 0; call < 2; call++) {
                assertThat(scripts(client).byDeviceManagementScriptId(id).get().getDisplayName())
                        .isEqualTo("Throttled");
            }

            assertThat(throttled.terminate()).isZero();
            assertThat(throttled.output()).contains("\"status\":429");
        }
    }

    @Test
    void theJarsOutputAtTheDefaultLogLevelNeverContainsTheTokensItWasSent(@TempDir Path ownDataDirectory)
            throws Exception {
        String writerToken = JarTokens.mint("--tenant", TENANT, "--data-dir", ownDataDirectory.toString());
        String readerToken = JarTokens.mint("--tenant", TENANT, "--scopes", "DeviceManagementScripts.Read.All",
                "--data-dir", ownDataDirectory.toString());
        try (RunningJar logging = RunningJar.start("--port", "0", "--data-dir", ownDataDirectory.toString())) {
            int port = logging.awaitPort();
            String id = create(sdkClient(port, writerToken), "Logged").getId();
            scripts(sdkClient(port, readerToken)).byDeviceManagementScriptId(id).get();
            assertThatThrownBy(() -> create(sdkClient(port, readerToken), "Refused")).isInstanceOf(ODataError.class);
            // signed with the shared server's key, so refused here
            assertThatThrownBy(() -> scripts(sdkClient(port, adminToken)).get()).isInstanceOf(ODataError.class);

            assertThat(logging.terminate()).isZero();
            assertThat(logging.output())
                    .contains("\"status\":201", "\"status\":200", "\"status\":403", "\"status\":401")
                    .doesNotContain(writerToken, readerToken, adminToken);
        }
    }

    /** What real automation does before it assigns: make the group, fill it, find it by name, assign to it. */
    @Test
    void aGroupMadeAndFilledThroughTheSdkIsFoundByNameAndAssigned() {
        Group pilot = new Group();
        pilot.setDisplayName("Pilot devices");
        pilot.setMailEnabled(false);
        pilot.setMailNickname("pilot-devices");
        pilot.setSecurityEnabled(true);
        String groupId = directoryAdmin.groups().post(pilot).getId();
        User ada = new User();
        ada.setAccountEnabled(true);
        ada.setDisplayName("Ada Lovelace");
        ada.setMailNickname("ada");
        ada.setUserPrincipalName("ada@contoso.test");
        PasswordProfile password = new PasswordProfile();
        password.setPassword("xWwvJ]6NMw+bWH-d");
        ada.setPasswordProfile(password);
        String userId = directoryAdmin.users().post(ada).getId();
        Device laptop = new Device();
        laptop.setAccountEnabled(true);
        laptop.setDeviceId("4f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b");
        laptop.setDisplayName("LAB-042");
        laptop.setOperatingSystem("Windows");
        laptop.setOperatingSystemVersion("10.0.22631.4460");
        String deviceId = directoryAdmin.devices().post(laptop).getId();

        for (String member : List.of(userId, deviceId)) {
            directoryAdmin.groups().byGroupId(groupId).members().ref().post(reference(member));
        }
        List<Group> found = directoryAdmin.groups()
                .get(request -> request.queryParameters.filter = "displayName eq 'Pilot devices'").getValue();
        String scriptId = create(admin, "Pilot script").getId();
        assign(scriptId, List.of(), List.of(groupTarget(found.get(0).getId())));

        assertThat(found).extracting(Group::getId).containsExactly(groupId);
        assertThatThrownBy(() -> directoryAdmin.groups().byGroupId(groupId).members().ref().post(reference(userId)))
                .isInstanceOfSatisfying(ODataError.class, error -> assertThat(error.getError().getMessage())
                        .isEqualTo("One or more added object references already exist for the following modified "
                                + "properties: 'members'."));
        assertThat(scripts(admin).byDeviceManagementScriptId(scriptId).assignments().get().getValue())
                .extracting(assignment -> ((GroupAssignmentTarget) assignment.getTarget()).getGroupId())
                .containsExactly(groupId);
    }

    /** An assignment filter as automation makes one: validate the rule, create the filter, assign with it. */
    @Test
    void aFilterValidatedAndCreatedThroughTheSdkListsTheScriptAssignedWithIt() {
        AssignmentFiltersRequestBuilder filters = configurationAdmin.deviceManagement().assignmentFilters();
        ValidateFilterPostRequestBody check = new ValidateFilterPostRequestBody();
        check.setDeviceAndAppManagementAssignmentFilter(windowsFilter("(device.deviceName -eq 'LAB-042')"));
        AssignmentFilterValidationResult singleQuoted = filters.validateFilter().post(check);
        String rule = "(device.manufacturer -eq \"Contoso\") and (device.operatingSystemVersion -ge 10.0.22000)";
        check.setDeviceAndAppManagementAssignmentFilter(windowsFilter(rule));
        AssignmentFilterValidationResult valid = filters.validateFilter().post(check);

        DeviceAndAppManagementAssignmentFilter created = filters.post(windowsFilter(rule));
        String scriptId = create(configurationAdmin, "Filtered script").getId();
        GroupAssignmentTarget filtered = groupTarget(GROUP);
        filtered.setDeviceAndAppManagementAssignmentFilterId(created.getId());
        filtered.setDeviceAndAppManagementAssignmentFilterType(DeviceAndAppManagementAssignmentFilterType.Include);
        assign(scriptId, List.of(), List.of(filtered));
        DeviceAndAppManagementAssignmentFilter read =
                filters.byDeviceAndAppManagementAssignmentFilterId(created.getId()).get();

        assertThat(singleQuoted.getIsValidRule()).isFalse();
        assertThat(valid.getIsValidRule()).isTrue();
        assertThat(created.getId()).matches(GUID);
        assertThat(created.getCreatedDateTime()).isNotNull();
        assertThat(created.getAssignmentFilterManagementType()).isEqualTo(AssignmentFilterManagementType.Devices);
        assertThat(created.getRoleScopeTags()).containsExactly("0");
        assertThat(read.getRule()).isEqualTo(rule);
        assertThat(read.getPlatform()).isEqualTo(DevicePlatformType.Windows10AndLater);
        assertThat(read.getPayloads()).singleElement().satisfies(payload -> {
            assertThat(payload.getPayloadId()).isEqualTo(scriptId);
            assertThat(payload.getGroupId()).isEqualTo(GROUP);
            assertThat(payload.getPayloadType())
                    .isEqualTo(AssociatedAssignmentPayloadType.DeviceConfigurationAndCompliance);
            assertThat(payload.getAssignmentFilterType()).isEqualTo(DeviceAndAppManagementAssignmentFilterType.Include);
        });
        assertThat(targetOf(scriptId, GROUP).getDeviceAndAppManagementAssignmentFilterId()).isEqualTo(created.getId());
        assertThat(filters.getState().get().getEnabled()).isTrue();
        assertThat(filters.getPlatformSupportedPropertiesWithPlatform("windows10AndLater").get().getValue())
                .extracting(AssignmentFilterSupportedProperty::getName)
                .contains("manufacturer", "operatingSystemVersion", "operatingSystemSKU");
    }

    /** Both logs as the SDK's typed models: Graph's SDK reads every entry's actor, resources and values. */
    @Test
    void theAuditLogsReadThroughTheSdkAreTypedEntriesWithActorResourcesAndOldAndNewValues() {
        String run = UUID.randomUUID().toString();
        DeviceManagementScript script = new DeviceManagementScript();
        script.setDisplayName("Audited");
        String id = scripts(admin).post(script, request -> request.headers.add("client-request-id", run)).getId();
        assign(id, List.of(), List.of(groupTarget(GROUP)));
        Group pilot = new Group();
        pilot.setDisplayName("Audited group");
        pilot.setMailEnabled(false);
        pilot.setMailNickname("audited-group");
        pilot.setSecurityEnabled(true);
        String groupId = directoryAdmin.groups().post(pilot).getId();

        List<AuditEvent> events = auditor.deviceManagement().auditEvents()
                .get(request -> request.queryParameters.filter = "resources/any(r:r/resourceId eq '" + id + "')")
                .getValue();
        List<DirectoryAudit> audits = auditor.auditLogs().directoryAudits()
                .get(request -> request.queryParameters.filter = "targetResources/any(t:t/id eq '" + groupId + "')")
                .getValue();

        assertThat(events).extracting(AuditEvent::getActivity)
                .containsExactly("Assign DeviceManagementScript", "Create DeviceManagementScript");
        assertThat(events.get(1).getCorrelationId()).isEqualTo(UUID.fromString(run));
        AuditEvent assigned = events.get(0);
        assertThat(assigned.getActivityOperationType()).isEqualTo("Action");
        assertThat(assigned.getActivityResult()).isEqualTo("Success");
        assertThat(assigned.getCategory()).isEqualTo("DeviceConfiguration");
        assertThat(assigned.getActivityDateTime()).isAfterOrEqualTo(events.get(1).getActivityDateTime());
        assertThat(assigned.getActor().getAuditActorType()).isEqualTo("ItPro");
        assertThat(assigned.getActor().getUserId()).matches(GUID);
        assertThat(assigned.getActor().getApplicationId()).matches(GUID);
        assertThat(assigned.getActor().getIpAddress()).isEqualTo("127.0.0.1");
        assertThat(assigned.getResources()).singleElement().satisfies(resource -> {
            assertThat(resource.getResourceId()).isEqualTo(id);
            assertThat(resource.getDisplayName()).isEqualTo("Audited");
            assertThat(resource.getType()).isEqualTo("DeviceManagementScript");
            assertThat(resource.getModifiedProperties()).singleElement().satisfies(property -> {
                assertThat(property.getDisplayName()).isEqualTo("assignments");
                assertThat(property.getOldValue()).isEqualTo("[]");
                assertThat(property.getNewValue()).contains(GROUP);
                assertThat(property.getAdditionalData()).isEmpty();
            });
            assertThat(resource.getAdditionalData()).isEmpty();
        });
        // the SDK keeps in additionalData what its models (Graph's metadata) do not declare: here nothing
        assertThat(assigned.getAdditionalData()).isEmpty();
        assertThat(assigned.getActor().getAdditionalData()).isEmpty();
        assertThat(events.get(1).getResources().get(0).getModifiedProperties())
                .extracting(AuditProperty::getDisplayName, AuditProperty::getNewValue)
                .contains(tuple("displayName", "Audited"));
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.getActivityDisplayName()).isEqualTo("Add group");
            assertThat(audit.getOperationType()).isEqualTo("Add");
            assertThat(audit.getResult()).isEqualTo(OperationResult.Success);
            assertThat(audit.getInitiatedBy().getUser().getId()).matches(GUID);
            assertThat(audit.getInitiatedBy().getApp()).isNull();
            assertThat(audit.getTargetResources()).singleElement().satisfies(target -> {
                assertThat(target.getId()).isEqualTo(groupId);
                assertThat(target.getDisplayName()).isEqualTo("Audited group");
                assertThat(target.getModifiedProperties())
                        .extracting(ModifiedProperty::getDisplayName, ModifiedProperty::getNewValue)
                        .contains(tuple("displayName", "Audited group"));
                assertThat(target.getModifiedProperties()).allSatisfy(property ->
                        assertThat(property.getAdditionalData()).isEmpty());
                assertThat(target.getAdditionalData()).isEmpty();
            });
            assertThat(audit.getAdditionalData()).isEmpty();
            assertThat(audit.getInitiatedBy().getAdditionalData()).isEmpty();
            assertThat(audit.getInitiatedBy().getUser().getAdditionalData()).isEmpty();
        });
    }

    private static DeviceAndAppManagementAssignmentFilter windowsFilter(String rule) {
        DeviceAndAppManagementAssignmentFilter filter = new DeviceAndAppManagementAssignmentFilter();
        filter.setDisplayName("Contoso on Windows 11");
        filter.setPlatform(DevicePlatformType.Windows10AndLater);
        filter.setRule(rule);
        return filter;
    }

    private static ReferenceCreate reference(String objectId) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + objectId);
        return reference;
    }

    private static DeviceManagementScriptsRequestBuilder scripts(GraphServiceClient client) {
        return client.deviceManagement().deviceManagementScripts();
    }

    private static DeviceManagementScript create(GraphServiceClient client, String displayName) {
        DeviceManagementScript script = new DeviceManagementScript();
        script.setDisplayName(displayName);
        script.setFileName("script.ps1");
        script.setScriptContent(CONTENT);
        return scripts(client).post(script);
    }

    /** Creates scripts named prefix 1, prefix 2, ... and answers their ids. */
    private static List<String> createNamed(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> create(admin, prefix + n).getId()).toList();
    }

    /** A new script assigned through one group assignment and a target of every kind; answers its id. */
    private static String assignedToEveryTargetKind() {
        String id = create(admin, "Assigned everywhere").getId();
        AllDevicesAssignmentTarget allDevices = new AllDevicesAssignmentTarget();
        allDevices.setDeviceAndAppManagementAssignmentFilterId(FILTER);
        allDevices.setDeviceAndAppManagementAssignmentFilterType(DeviceAndAppManagementAssignmentFilterType.Include);
        var collection = new ConfigurationManagerCollectionAssignmentTarget();
        collection.setCollectionId(COLLECTION);
        DeviceManagementScriptGroupAssignment groupAssignment = new DeviceManagementScriptGroupAssignment();
        groupAssignment.setTargetGroupId(OTHER_GROUP);
        assign(id, List.of(groupAssignment), List.of(groupTarget(GROUP), exclusionTarget(EXCLUDED_GROUP),
                allDevices, new AllLicensedUsersAssignmentTarget(), collection));
        return id;
    }

    private static void assign(String id, List<DeviceManagementScriptGroupAssignment> groupAssignments,
            List<DeviceAndAppManagementAssignmentTarget> targets) {
        AssignPostRequestBody body = new AssignPostRequestBody();
        body.setDeviceManagementScriptGroupAssignments(groupAssignments);
        body.setDeviceManagementScriptAssignments(targets.stream().map(target -> {
            DeviceManagementScriptAssignment assignment = new DeviceManagementScriptAssignment();
            assignment.setTarget(target);
            return assignment;
        }).toList());
        scripts(admin).byDeviceManagementScriptId(id).assign().post(body);
    }

    private static DeviceAndAppManagementAssignmentTarget targetOf(String scriptId, String key) {
        return scripts(admin).byDeviceManagementScriptId(scriptId).assignments()
                .byDeviceManagementScriptAssignmentId(scriptId + ":" + key).get().getTarget();
    }

    private static GroupAssignmentTarget groupTarget(String groupId) {
        GroupAssignmentTarget target = new GroupAssignmentTarget();
        target.setGroupId(groupId);
        return target;
    }

    private static ExclusionGroupAssignmentTarget exclusionTarget(String groupId) {
        ExclusionGroupAssignmentTarget target = new ExclusionGroupAssignmentTarget();
        target.setGroupId(groupId);
        return target;
    }
}
