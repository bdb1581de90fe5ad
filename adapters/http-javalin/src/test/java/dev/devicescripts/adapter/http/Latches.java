package dev.devicescripts.adapter.http;

import java.util.concurrent.CountDownLatch;

/** Waits on latches from route handlers, which may not throw InterruptedException. */
final class Latches {
    private Latches() {
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
