package dev.devicescripts.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.devicescripts.adapter.http.server.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process's logging, as logback.xml sets it up: two logs, the access log written from a queue. */
final class Logs {
    private Logs() {
    }

    /**
     * Sets the application log's level (the root logger's: Jetty, Javalin, HikariCP and Flyway keep their own, set to
     * warnings in logback.xml) and turns the access log on or off.
     */
    static void apply(Configuration.Logging logging) {
        LoggerContext context = context();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(logging.level().name()));
        context.getLogger(AccessLog.ACCESS_LOGGER).setLevel(logging.accessLog() ? Level.INFO : Level.OFF);
    }

    /**
     * Writes out the lines the access log's queue still holds, then stops logging. The last thing before the process
     * exits: it ends by halting the JVM, which runs no logging shutdown of its own.
     */
    static void flush() {
        context().stop();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
