package dev.devicescripts.adapter.http.graph;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs unexpected failures one line each, with the stack trace at most once a minute per cause (the failure's class
 * and the frame that threw it), so that a request that fails the same way again and again cannot fill the disk with
 * traces: a repeat within the minute is one line that names the cause and says its trace was logged already.
 */
final class UnexpectedFailureLog {
    static final Duration TRACE_INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final LongSupplier nanoTime;
    /** When each cause's trace was last logged; causes are places in the code, so there are only so many. */
    private final Map<String, Long> tracedAt = new ConcurrentHashMap<>();

    UnexpectedFailureLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} (an SLF4J pattern with {@code arguments}) at ERROR, with the failure's trace when due. */
    void error(Throwable failure, String message, Object... arguments) {
        String cause = causeOf(failure);
        long now = nanoTime.getAsLong();
        boolean[] due = new boolean[1];
        tracedAt.compute(cause, (key, last) -> {
            due[0] = last == null || now - last >= TRACE_INTERVAL.toNanos();
            return due[0] ? now : last;
        });
        if (due[0]) {
            log.error(message, appended(arguments, failure)); // SLF4J logs a last Throwable argument with its trace
        } else {
            log.error(message + " ({}; its stack trace was logged less than a minute ago)",
                    appended(arguments, cause));
        }
    }

    /** The failure's class and the frame that threw it, e.g. {@code java.lang.Error at a.B.c(B.java:12)}. */
    private static String causeOf(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static Object[] appended(Object[] arguments, Object last) {
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
