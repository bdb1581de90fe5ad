package dev.devicescripts.adapter.http.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The minute between two stack traces of one cause, on a clock the test moves (UnexpectedFailuresTest: over HTTP). */
class UnexpectedFailureLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedFailureLogTest.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong(123);
    private final UnexpectedFailureLog log = new UnexpectedFailureLog(logger, nanos::get);

    UnexpectedFailureLogTest() {
        logged.start();
        logger.addAppender(logged);
        logger.setAdditive(false);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aCauseIsTracedAgainOnceAMinuteHasPassedSinceItsLastTrace() {
        Error failure = new Error("the same place");

        log.error(failure, "first {}", 1);
        nanos.addAndGet(UnexpectedFailureLog.TRACE_INTERVAL.toNanos() - 1);
        log.error(failure, "within the minute {}", 2);
        nanos.addAndGet(1);
        log.error(failure, "a minute later {}", 3);
        log.error(failure, "again within the minute {}", 4);

        assertThat(logged.list).map(line -> line.getThrowableProxy() != null)
                .containsExactly(true, false, true, false);
        assertThat(logged.list.get(1).getFormattedMessage()).startsWith("within the minute 2 (java.lang.Error at ")
                .contains("UnexpectedFailureLogTest");
    }

    @Test
    void theSameClassThrownFromAnotherPlaceIsAnotherCause() {
        log.error(new IllegalStateException("here"), "one");
        log.error(new IllegalStateException("there"), "another");

        assertThat(logged.list).allSatisfy(line -> assertThat(line.getThrowableProxy()).isNotNull());
    }
}
