package dev.devicescripts.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Lets each logger named in logback.xml (and its children) write at most {@code linesPerMinute} lines a minute; the
 * lines beyond are dropped, and counted in one warning when the logger next writes, a minute later or more. For H2's
 * own log (logger {@code h2database}): H2 logs every failed statement with its stack trace, and on a database that
 * broke, every request fails, which would fill the disk.
 */
public final class LogRateLimit extends TurboFilter {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Marks the line that counts the lines dropped, which no limit holds back. */
    private static final Marker DROPPED = MarkerFactory.getMarker("DROPPED_BY_RATE_LIMIT");

    /** One logger's lines in the current minute. */
    private static final class Minute {
        long start;
        int written;
        long dropped;
    }

    private final LongSupplier nanoClock;
    private final Set<String> limited = new HashSet<>();
    private final Map<String, Minute> minutes = new ConcurrentHashMap<>();
    private int linesPerMinute = 20;

    public LogRateLimit() {
        this(System::nanoTime);
    }

    LogRateLimit(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A logger to limit, with its children: logback.xml's {@code <loggerName>} elements, read before it starts. */
    public void addLoggerName(String name) {
        limited.add(name);
    }

    public void setLinesPerMinute(int linesPerMinute) {
        this.linesPerMinute = linesPerMinute;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        boolean enabledCheck = format == null && params == null && t == null; // isErrorEnabled() and the like
        if (!isStarted() || enabledCheck || marker == DROPPED || !isLimited(logger.getName())
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        Minute minute = minutes.computeIfAbsent(logger.getName(), name -> newMinute());
        long droppedBefore = 0;
        boolean written;
        synchronized (minute) {
            long now = nanoClock.getAsLong();
            if (now - minute.start >= MINUTE_NANOS) {
                droppedBefore = minute.dropped;
                minute.start = now;
                minute.written = 0;
                minute.dropped = 0;
            }
            written = minute.written < linesPerMinute;
            if (written) {
                minute.written++;
            } else {
                minute.dropped++;
            }
        }
        if (droppedBefore > 0) {
            logger.warn(DROPPED, "{} lines of {} were dropped in the minute before: it writes at most {} a minute",
                    droppedBefore, logger.getName(), linesPerMinute);
        }
        return written ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private Minute newMinute() {
        Minute minute = new Minute();
        minute.start = nanoClock.getAsLong();
        return minute;
    }

    private boolean isLimited(String name) {
        for (String prefix : limited) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
