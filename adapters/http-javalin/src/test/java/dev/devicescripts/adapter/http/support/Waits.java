package dev.devicescripts.adapter.http.support;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waits for what another thread does, from tests and from route handlers (which may not throw checked exceptions).
 * Each gives up after {@link #PATIENCE} with a message saying what did not happen, so that a regression fails the
 * test instead of hanging the build.
 */
public final class Waits {
    /** Far longer than any of these waits takes when the code works, even on a loaded CI machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Waits() {
    }

    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("A latch was not counted down within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The future's value, or its failure rethrown unchecked as CompletableFuture.join() would. */
    public static <T> T join(Future<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("A future did not complete within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Spins until {@code condition} holds; {@code what} names it in the failure. */
    public static void until(BooleanSupplier condition, String what) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("Not within " + PATIENCE + ": " + what);
            }
            Thread.onSpinWait();
        }
    }
}
