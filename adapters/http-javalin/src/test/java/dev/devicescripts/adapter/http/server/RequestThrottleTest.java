package dev.devicescripts.adapter.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which buckets a request draws from and what the refusal says, on a fake clock. */
class RequestThrottleTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final TenantId TENANT = TenantId.of("11111111-2222-3333-4444-555555555555");
    private static final AuthenticatedCaller APP = caller(TENANT, "app-a");
    private static final AuthenticatedCaller OTHER_APP = caller(TENANT, "app-b");

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aWriteOverTheTenantLimitWaitsForOneTokensRefillInWholeSeconds() {
        RequestThrottle throttle = throttle(new ThrottleLimits(3, 10, 100, 100, HOUR));
        write(throttle, APP, 3);

        GraphRequestException refused = refusal(throttle, APP, true);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TooManyRequests");
        assertThat(refused.getMessage()).contains("3 writes per tenant per 3600 seconds", "retry after 1200 seconds");
        assertThat(refused.retryAfterSeconds()).contains(1200L);

        clock.addAndGet(1199 * SECOND + SECOND / 2);
        assertThat(refusal(throttle, APP, true).retryAfterSeconds()).contains(1L);
        clock.addAndGet(SECOND / 2);
        assertThatCode(() -> throttle.admit(APP, true)).doesNotThrowAnyException();
    }

    @Test
    void retryAfterRoundsAPartSecondUp() {
        RequestThrottle throttle = throttle(new ThrottleLimits(3, 3, 100, 100, Duration.ofSeconds(10)));
        write(throttle, APP, 3);

        assertThat(refusal(throttle, APP, true).retryAfterSeconds()).contains(4L); // 3.33 s per token
    }

    @Test
    void aRefusedWriteTakesNoTokenFromTheRequestLimits() {
        RequestThrottle throttle = throttle(new ThrottleLimits(3, 3, 5, 5, HOUR));
        write(throttle, APP, 3);
        refusal(throttle, APP, true);

        throttle.admit(APP, false);
        throttle.admit(APP, false);
        assertThat(refusal(throttle, APP, false).getMessage()).contains("5 requests per tenant per 3600 seconds");
    }

    @Test
    void eachAppHasItsOwnLimitWithinItsTenantsLimit() {
        RequestThrottle throttle = throttle(new ThrottleLimits(3, 2, 100, 100, HOUR));
        write(throttle, APP, 2);

        assertThat(refusal(throttle, APP, true).getMessage()).contains("2 writes per app in a tenant");
        throttle.admit(OTHER_APP, true);
        assertThat(refusal(throttle, OTHER_APP, true).getMessage()).contains("3 writes per tenant");
    }

    @Test
    void anotherTenantsAppOfTheSameIdIsNotLimitedByThisTenant() {
        RequestThrottle throttle = throttle(new ThrottleLimits(1, 1, 1, 1, HOUR));
        write(throttle, APP, 1);

        assertThatCode(() -> throttle.admit(caller(TenantId.of("99999999-8888-7777-6666-555555555555"), "app-a"),
                true)).doesNotThrowAnyException();
    }

    @Test
    void aFloodOfOneOffTenantsKeepsOnlyTheBucketsStillRefilling() {
        RequestThrottle throttle = throttle(new ThrottleLimits(3, 3, 3, 3, HOUR));
        for (int i = 0; i < 100_000; i++) {
            throttle.admit(caller(new TenantId(new UUID(0, i)), "app-a"), true);
            clock.addAndGet(HOUR.toNanos()); // every earlier bucket is full again
        }

        assertThat(throttle.bucketCount()).isLessThan(10_000);
    }

    private RequestThrottle throttle(ThrottleLimits limits) {
        return new RequestThrottle(limits, clock::get);
    }

    private static void write(RequestThrottle throttle, AuthenticatedCaller caller, int times) {
        for (int i = 0; i < times; i++) {
            throttle.admit(caller, true);
        }
    }

    private static GraphRequestException refusal(RequestThrottle throttle, AuthenticatedCaller caller,
                                                 boolean write) {
        GraphRequestException refused = catchThrowableOfType(GraphRequestException.class,
                () -> throttle.admit(caller, write));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static AuthenticatedCaller caller(TenantId tenant, String clientAppId) {
        return new AuthenticatedCaller(new Caller(tenant, Actor.Kind.APPLICATION,
                Set.of("DeviceManagementScripts.ReadWrite.All")), clientAppId);
    }
}
