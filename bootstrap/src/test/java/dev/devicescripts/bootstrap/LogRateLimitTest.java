package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** H2's own lines reach the application log, but no more than 20 a minute, and those dropped are counted. */
class LogRateLimitTest {

    @Test
    void theServersLogWritesH2sErrorsButAtMostTwentyAMinuteAndNoneOfItsInformation() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Main.class.getResource("/logback.xml"));
        ListAppender<ILoggingEvent> log = capture(context);
        try {
            Logger h2 = context.getLogger("h2database");
            for (int i = 0; i < 100; i++) {
                h2.error("database: exception " + i, new IllegalStateException("closed"));
                h2.info("database: opening " + i);
            }
            context.getLogger("dev.devicescripts.Other").warn("not H2's");

            assertThat(messages(log)).hasSize(21)
                    .startsWith("database: exception 0", "database: exception 1")
                    .contains("database: exception 19", "not H2's")
                    .doesNotContain("database: exception 20", "database: opening 0");
        } finally {
            context.stop();
        }
    }

    @Test
    void theLinesDroppedAreCountedWhenTheLoggerNextWritesAMinuteLater() {
        AtomicLong now = new AtomicLong();
        LoggerContext context = new LoggerContext();
        LogRateLimit limit = new LogRateLimit(now::get);
        limit.addLoggerName("h2database");
        limit.setLinesPerMinute(3);
        limit.setContext(context);
        limit.start();
        context.addTurboFilter(limit);
        ListAppender<ILoggingEvent> log = capture(context);
        Logger h2 = context.getLogger("h2database");

        for (int i = 0; i < 10; i++) {
            h2.error("first minute " + i);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        h2.error("still the first minute");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        h2.error("second minute");

        assertThat(messages(log)).containsExactly("first minute 0", "first minute 1", "first minute 2",
                "8 lines of h2database were dropped in the minute before: it writes at most 3 a minute",
                "second minute");
        assertThat(log.list.get(3).getLevel()).isEqualTo(Level.WARN);
    }

    /** Replaces the console appender with one that keeps the events. */
    private static ListAppender<ILoggingEvent> capture(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.setContext(context);
        log.start();
        root.addAppender(log);
        return log;
    }

    private static List<String> messages(ListAppender<ILoggingEvent> log) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
