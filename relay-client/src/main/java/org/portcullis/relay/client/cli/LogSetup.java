package org.portcullis.relay.client.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Where the daemon's log lines go: log4j2.xml writes to the console (what {@code -d} keeps); without {@code -d}
 * the console appender is swapped for a daily rolling file {@code relay-client.log} in the log folder.
 */
public final class LogSetup {
    /** The layout of log4j2.xml's console appender, so both targets read the same. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{1.} - %msg%n";
    private static final String CONSOLE = "console";
    private static final String FILE = "file";

    private LogSetup() {
    }

    /** Sends every log line to {@code logDir/relay-client.log}, rolled daily and at 100 MB, 30 files kept. */
    public static void toFiles(Path logDir) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        RollingFileAppender appender = RollingFileAppender.newBuilder()
                .setName(FILE)
                .setConfiguration(configuration)
                .setLayout(PatternLayout.newBuilder().setConfiguration(configuration).setPattern(PATTERN).build())
                .setFileName(logDir.resolve("relay-client.log").toString())
                .setFilePattern(logDir.resolve("relay-client-%d{yyyy-MM-dd}-%i.log.gz").toString())
                .setPolicy(CompositeTriggeringPolicy.createPolicy(TimeBasedTriggeringPolicy.newBuilder().build(),
                        SizeBasedTriggeringPolicy.createPolicy("100 MB")))
                .setStrategy(DefaultRolloverStrategy.newBuilder().setMax("30").setConfig(configuration).build())
                .build();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        root.addAppender(appender, null, null);
        root.removeAppender(CONSOLE);
        context.updateLoggers();
    }
}
