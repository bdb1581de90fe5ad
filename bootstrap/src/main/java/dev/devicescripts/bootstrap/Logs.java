package dev.devicescripts.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** The process's logging, as logback.xml sets it up: two logs, the access log written from a queue. */
final class Logs {
    private Logs() {
    }

    /**
     * Writes out the lines the access log's queue still holds, then stops logging. The last thing before the process
     * exits: it ends by halting the JVM, which runs no logging shutdown of its own.
     */
    static void flush() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
