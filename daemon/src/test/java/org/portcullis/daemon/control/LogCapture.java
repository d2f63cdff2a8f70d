package org.portcullis.daemon.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the log lines of this JVM that reach the root logger's appenders, as a log file would get them, until
 * closed. For tests: {@code try (LogCapture log = LogCapture.collect()) {...}}.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context;

    private LogCapture(LoggerContext context) {
        super("capture-" + System.identityHashCode(context), null, null, true, Property.EMPTY_ARRAY);
        this.context = context;
    }

    /** Starts collecting. */
    public static LogCapture collect() {
        LoggerContext context = LoggerContext.getContext(false);
        LogCapture capture = new LogCapture(context);
        capture.start();
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(capture);
        configuration.getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
    }

    /** Every line so far: {@code LEVEL logger message}. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines a predicate picks. */
    public List<String> lines(Predicate<String> which) {
        return lines.stream().filter(which).toList();
    }

    /** Whether a line contains {@code text}. */
    public boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
