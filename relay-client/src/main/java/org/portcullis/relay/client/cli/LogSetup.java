package org.portcullis.relay.client.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Where the daemon's log lines go: log4j2.xml writes to the console (what {@code -d} keeps) unless the system
 * property {@code portcullis.logDir} names a folder; then to a daily file {@code relay-client-YYYY-MM-DD.log}
 * there. Without {@code -d} this sets the property and has log4j read its configuration again.
 */
public final class LogSetup {
    /** The folder of the log files, read by log4j2.xml. */
    static final String LOG_DIR_PROPERTY = "portcullis.logDir";
    /** The daemon's name, read by log4j2.xml. */
    static final String DAEMON_PROPERTY = "portcullis.daemon";

    private LogSetup() {
    }

    /** Sends every log line to {@code logDir/relay-client-YYYY-MM-DD.log}, a new file each day, 30 days kept. */
    public static void toFiles(Path logDir) {
        System.setProperty(DAEMON_PROPERTY, "relay-client");
        System.setProperty(LOG_DIR_PROPERTY, logDir.toAbsolutePath().normalize().toString());
        LoggerContext.getContext(false).reconfigure();
    }
}
