package dev.devicescripts.adapter.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.devicescripts.adapter.http.GraphHttpServer;
import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.HttpSettings;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.audit.AuditLogEndpoints;
import dev.devicescripts.adapter.http.auth.Authenticators;
import dev.devicescripts.adapter.http.auth.LocalSigningKey;
import dev.devicescripts.adapter.http.auth.TestTokens;
import dev.devicescripts.adapter.http.auth.TokenRequest;
import dev.devicescripts.adapter.http.auth.TokenRules;
import dev.devicescripts.adapter.http.directory.DirectoryEndpoints;
import dev.devicescripts.adapter.http.directory.DirectoryUseCases;
import dev.devicescripts.adapter.http.filter.AssignmentFilterEndpoints;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.managed.ManagedDeviceEndpoints;
import dev.devicescripts.adapter.http.managed.ManagedDeviceUseCases;
import dev.devicescripts.adapter.http.script.RunStateEndpoints;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.http.server.ThrottleLimits;
import dev.devicescripts.adapter.http.server.TlsFiles;
import dev.devicescripts.adapter.http.targeting.TargetingEndpoints;
import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.service.AssignmentFilterService;
import dev.devicescripts.application.service.AssignmentService;
import dev.devicescripts.application.service.AuditLogService;
import dev.devicescripts.application.service.DeviceService;
import dev.devicescripts.application.service.GroupService;
import dev.devicescripts.application.service.HealthService;
import dev.devicescripts.application.service.ManagedDeviceService;
import dev.devicescripts.application.service.RunStateService;
import dev.devicescripts.application.service.ScriptService;
import dev.devicescripts.application.service.SeedService;
import dev.devicescripts.application.service.TargetingService;
import dev.devicescripts.application.service.UserService;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * A GraphHttpServer on a free port over the real services and an in-memory store, and a client that talks to it
 * over a real socket. Each test starts its own, so no test sees another's scripts.
 */
public final class GraphApi implements AutoCloseable {
    public static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    /** The @odata.context Graph writes for the scripts collection, spelled out as a client reads it. */
    public static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    public static final Instant FIRST_CLOCK_TICK = Instant.parse("2026-11-28T12:00:00Z");

    public static final TenantId TENANT = TenantId.of("11111111-2222-3333-4444-555555555555");
    /** The app the test tokens are issued to, unless a test names another. */
    public static final String CLIENT_APP_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
    /** The group {@link #assignedScript} assigns. */
    public static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final Path KEY_FOLDER = newTemporaryFolder();
    /** One key for every test: making an RSA key pair takes a while. */
    private static final LocalSigningKey KEY = LocalSigningKey.loadOrCreate(KEY_FOLDER);
    /** What the admin of {@link #TENANT} sends unless a test says otherwise. */
    public static final String ADMIN_TOKEN = token(TENANT, List.of("DeviceManagementScripts.ReadWrite.All"), List.of());
    /** An admin of {@link #TENANT} who may also read and write its directory. */
    public static final String DIRECTORY_ADMIN_TOKEN = token(TENANT,
            List.of("DeviceManagementScripts.ReadWrite.All", "Directory.ReadWrite.All"), List.of());

    private final GraphHttpServer server;
    private final ServerMetrics metrics;
    private final HttpClient http;
    /** http, or https when the server speaks TLS. */
    private final String scheme;
    private final ObjectMapper mapper = new ObjectMapper();
    /** The bearer token every request carries; null sends none. */
    private final String token;

    private GraphApi(UnaryOperator<GraphUseCases> replaceSome, HttpSettings settings, HttpClient http) {
        this(replaceSome, settings, http, GraphApi::everything);
    }

    /** @param resources what the server serves beside the scripts, given the directory's use cases */
    private GraphApi(UnaryOperator<GraphUseCases> replaceSome, HttpSettings settings, HttpClient http,
                     BiFunction<InMemoryStore, TimeSource, List<GraphResource.Factory>> resources) {
        InMemoryStore store = new InMemoryStore();
        AtomicLong seconds = new AtomicLong();
        // Each reading of the clock is one second later, so scripts list in the order they were created.
        TimeSource clock = () -> FIRST_CLOCK_TICK.plusSeconds(seconds.getAndIncrement());
        ScriptService scripts = new ScriptService(store, clock, () -> new ScriptId(UUID.randomUUID()));
        AssignmentService assignments = new AssignmentService(store, AssignmentSet.DEFAULT_MAX_TARGETS, clock);
        GraphUseCases useCases = new GraphUseCases(scripts, scripts, scripts, scripts, scripts, assignments,
                assignments, new HealthService(store));
        metrics = new ServerMetrics();
        server = new GraphHttpServer(replaceSome.apply(useCases), settings,
                Authenticators.localKey(KEY, TokenRules.local()), metrics, resources.apply(store, clock)).start();
        this.http = http;
        scheme = settings.tls().isPresent() ? "https" : "http";
        token = ADMIN_TOKEN;
    }

    private GraphApi(GraphApi api, String token) {
        this.server = api.server;
        this.metrics = api.metrics;
        this.http = api.http;
        this.scheme = api.scheme;
        this.token = token;
    }

    /** The same server, called with another bearer token, or none when {@code token} is null. */
    public GraphApi as(String token) {
        return new GraphApi(this, token);
    }

    /** A token the server trusts, as its own token command mints them. */
    public static String token(TenantId tenant, List<String> scopes, List<String> roles) {
        return token(tenant, scopes, roles, CLIENT_APP_ID);
    }

    /**
     * A delegated token the server trusts that names its user and app as Entra's do (oid, upn, name,
     * app_displayname), issued to {@link #CLIENT_APP_ID}.
     */
    public static String userToken(TenantId tenant, List<String> scopes, String userId, String userPrincipalName,
                                   String name, String appDisplayName) {
        TokenRules rules = TokenRules.local();
        Instant now = Instant.now();
        return TestTokens.signed(signingKeyPair(), new JWTClaimsSet.Builder()
                .audience(rules.audiences().iterator().next())
                .issuer(rules.issuerFor(tenant.toString()))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", tenant.toString())
                .claim("oid", userId)
                .claim("upn", userPrincipalName)
                .claim("name", name)
                .claim("appid", CLIENT_APP_ID)
                .claim("app_displayname", appDisplayName)
                .claim("scp", String.join(" ", scopes))
                .build());
    }

    /** A token the server trusts, issued to the client app {@code clientAppId}. */
    public static String token(TenantId tenant, List<String> scopes, List<String> roles, String clientAppId) {
        return KEY.mint(new TokenRequest(tenant, scopes, roles, clientAppId, Duration.ofHours(1),
                TokenRules.local()));
    }

    /** The server's key pair as its data folder holds it, for tests that forge or tamper with tokens. */
    public static RSAKey signingKeyPair() {
        try {
            return RSAKey.parse(Files.readString(KEY_FOLDER.resolve("signing-key.jwk")));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }

    private static Path newTemporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("devicescripts-http-test");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GraphApi start() {
        return startWith(useCases -> useCases);
    }

    /**
     * A server that serves {@code more} resources beside the scripts, such as collections a test declares, instead
     * of the directory's, whose paths they may take.
     */
    public static GraphApi startServing(List<GraphResource.Factory> more) {
        return new GraphApi(useCases -> useCases, settings(HttpSettings.DEFAULT_PAGE_SIZE, Optional.empty(),
                Optional.empty(), RequestLimits.DEFAULTS, PublicUrl.AS_BOUND), HttpClient.newHttpClient(),
                (store, clock) -> more);
    }

    /**
     * What the server serves beside the scripts: the directory, managed devices, run states, seeding, assignment
     * filters, effective targeting and the audit logs.
     */
    private static List<GraphResource.Factory> everything(InMemoryStore store, TimeSource clock) {
        DirectoryRepository directory = store.directory();
        ManagedDeviceService devices = new ManagedDeviceService(directory);
        SeedService seed = new SeedService(directory, clock);
        List<GraphResource.Factory> resources = new ArrayList<>(DirectoryEndpoints.factories(new DirectoryUseCases(
                new GroupService(directory, clock, UUID::randomUUID), new UserService(directory, clock,
                UUID::randomUUID), new DeviceService(directory, clock, UUID::randomUUID))));
        resources.add(ManagedDeviceEndpoints.factory(new ManagedDeviceUseCases(devices, devices, devices, devices)));
        resources.add(RunStateEndpoints.factory(new RunStateService(store, directory)));
        resources.add(AdminEndpoints.factory(seed, seed));
        resources.add(AssignmentFilterEndpoints.factory(new AssignmentFilterService(directory, store, store, clock,
                UUID::randomUUID)));
        resources.add(TargetingEndpoints.factory(new TargetingService(store, store, directory)));
        resources.add(AuditLogEndpoints.factory(new AuditLogService(store.auditLog())));
        return resources;
    }

    /** A server that answers 429 to requests over {@code limits}. */
    public static GraphApi startWithThrottle(ThrottleLimits limits) {
        return new GraphApi(useCases -> useCases, settings(HttpSettings.DEFAULT_PAGE_SIZE, Optional.empty(),
                Optional.of(limits), RequestLimits.DEFAULTS, PublicUrl.AS_BOUND), HttpClient.newHttpClient());
    }

    /** A server that speaks HTTPS with {@code files}, called by a client whose {@code trust} accepts its chain. */
    public static GraphApi startWithTls(TlsFiles files, SSLContext trust) {
        return new GraphApi(useCases -> useCases, settings(HttpSettings.DEFAULT_PAGE_SIZE, Optional.of(files),
                Optional.empty(), RequestLimits.DEFAULTS, PublicUrl.AS_BOUND),
                HttpClient.newBuilder().sslContext(trust).build());
    }

    /** A server whose use cases are the real ones except those {@code replaceSome} swaps for fakes. */
    public static GraphApi startWith(UnaryOperator<GraphUseCases> replaceSome) {
        return startWith(replaceSome, RequestLimits.DEFAULTS);
    }

    /** A server with fakes for some use cases that takes on work within {@code limits}. */
    public static GraphApi startWith(UnaryOperator<GraphUseCases> replaceSome, RequestLimits limits) {
        return new GraphApi(replaceSome, settings(HttpSettings.DEFAULT_PAGE_SIZE, Optional.empty(), Optional.empty(),
                limits, PublicUrl.AS_BOUND), HttpClient.newHttpClient());
    }

    public static GraphApi startWithPageSize(int pageSize) {
        return new GraphApi(useCases -> useCases, settings(pageSize, Optional.empty(), Optional.empty(),
                RequestLimits.DEFAULTS, PublicUrl.AS_BOUND), HttpClient.newHttpClient());
    }

    /** A server whose links point where {@code publicUrl} says, with pages of {@code pageSize} scripts. */
    public static GraphApi startWithPublicUrl(PublicUrl publicUrl, int pageSize) {
        return new GraphApi(useCases -> useCases, settings(pageSize, Optional.empty(), Optional.empty(),
                RequestLimits.DEFAULTS, publicUrl), HttpClient.newHttpClient());
    }

    private static HttpSettings settings(int pageSize, Optional<TlsFiles> tls, Optional<ThrottleLimits> throttle,
                                         RequestLimits limits, PublicUrl publicUrl) {
        return new HttpSettings("127.0.0.1", 0, MAX_BODY_BYTES, pageSize, tls, throttle, limits, publicUrl);
    }

    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.port() + path;
    }

    public GraphHttpServer server() {
        return server;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    public Reply delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody());
    }

    /** Sends {@code json} as application/json, as every real client does. */
    public Reply post(String path, String json, String... headers) {
        return sendJson("POST", path, json, headers);
    }

    public Reply put(String path, String json, String... headers) {
        return sendJson("PUT", path, json, headers);
    }

    public Reply patch(String path, String json, String... headers) {
        return sendJson("PATCH", path, json, headers);
    }

    public Reply sendJson(String method, String path, String json, String... headers) {
        return send(method, path, BodyPublishers.ofString(json),
                concat(headers, "Content-Type", "application/json"));
    }

    /** Sends the given headers, name and value alternating, and this client's bearer token. */
    public Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a script named {@code displayName} and answers its id. */
    public String createScript(String displayName) {
        Reply created = post(SCRIPTS,
                "{\"displayName\":\"" + displayName + "\",\"scriptContent\":\"V3JpdGUtSG9zdCBoaQ==\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Creates a script assigned to {@link #GROUP} and answers its id. */
    public String assignedScript() {
        String id = createScript("Assigned");
        assertThat(post(SCRIPTS + "/" + id + "/assign",
                "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\"" + GROUP + "\"}]}").status())
                .isEqualTo(204);
        return id;
    }

    /** What a client sees of the script, all of it, for comparing before and after a request. */
    public JsonNode script(String id) {
        return get(SCRIPTS + "/" + id).json();
    }

    public JsonNode assignmentsOf(String scriptId) {
        return get(SCRIPTS + "/" + scriptId + "/assignments").json();
    }

    public long count() {
        return Long.parseLong(get(SCRIPTS + "/$count").body());
    }

    /** What a refused request must leave as it was: how many scripts there are, and script {@code id} with its set. */
    public List<Object> stored(String id) {
        return List.of(count(), script(id), assignmentsOf(id));
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    @Override
    public void close() {
        server.close();
        metrics.close();
    }
}
