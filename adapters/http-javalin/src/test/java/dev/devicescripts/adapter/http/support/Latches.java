package dev.devicescripts.adapter.http.support;

import java.util.concurrent.CountDownLatch;

/** Waits on latches from route handlers, which may not throw InterruptedException. */
public final class Latches {
    private Latches() {
    }

    public static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
