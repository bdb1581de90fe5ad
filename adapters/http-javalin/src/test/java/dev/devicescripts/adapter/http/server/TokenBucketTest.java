package dev.devicescripts.adapter.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bucket on a fake clock: the times passed in are all the time there is. */
class TokenBucketTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** 4 tokens per 2 seconds: one refills every half second. */
    private static final int CAPACITY = 4;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @Test
    void aNewBucketGivesItsCapacityAtOnceThenWaitsOneTokensRefill() {
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, 0);

        assertThat(takeAllAvailable(bucket, 0)).isEqualTo(CAPACITY);
        assertThat(bucket.nanosUntilToken(0)).isEqualTo(SECOND / 2);
    }

    @Test
    void tokensRefillContinuouslyAtCapacityPerWindow() {
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, 0);
        takeAllAvailable(bucket, 0);

        assertThat(bucket.nanosUntilToken(SECOND / 5)).isEqualTo(SECOND * 3 / 10);
        assertThat(takeAllAvailable(bucket, SECOND / 2)).isEqualTo(1);
        assertThat(takeAllAvailable(bucket, SECOND * 3 / 2)).isEqualTo(2);
    }

    @Test
    void anIdleBucketHoldsNoMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, 0);
        takeAllAvailable(bucket, 0);

        assertThat(takeAllAvailable(bucket, 10 * WINDOW.toNanos())).isEqualTo(CAPACITY);
    }

    @Test
    void aCallerAskingEveryMillisecondGetsExactlyCapacityPerWindowAfterTheFirstBurst() {
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, 0);
        long millisecond = TimeUnit.MILLISECONDS.toNanos(1);
        int taken = 0;
        for (long now = 0; now <= 10 * WINDOW.toNanos(); now += millisecond) {
            taken += takeAllAvailable(bucket, now);
        }

        assertThat(taken).isEqualTo(CAPACITY + 10 * CAPACITY);
    }

    @Test
    void aBucketIsFullAgainOnceItHasRefilledWhatWasTaken() {
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, 0);
        assertThat(bucket.isFull(0)).isTrue();

        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.isFull(SECOND / 2)).isFalse();
        assertThat(bucket.isFull(SECOND)).isTrue();
    }

    @Test
    void clockReadingsThatWrapPastLongMaxValueChangeNothing() {
        long beforeWrap = Long.MAX_VALUE - SECOND / 4;
        TokenBucket bucket = new TokenBucket(CAPACITY, WINDOW, beforeWrap);
        takeAllAvailable(bucket, beforeWrap);

        long afterWrap = beforeWrap + SECOND / 2; // overflows to a negative reading
        assertThat(afterWrap).isNegative();
        assertThat(takeAllAvailable(bucket, afterWrap)).isEqualTo(1);
        assertThat(bucket.nanosUntilToken(afterWrap)).isEqualTo(SECOND / 2);
    }

    private static int takeAllAvailable(TokenBucket bucket, long now) {
        int taken = 0;
        while (bucket.nanosUntilToken(now) == 0) {
            bucket.take(now);
            taken++;
        }
        return taken;
    }
}
