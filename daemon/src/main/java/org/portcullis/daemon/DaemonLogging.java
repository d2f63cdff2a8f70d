package org.portcullis.daemon;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Tells log4j2.xml which daemon runs and where its log files go, through the system properties
 * {@value #DAEMON_PROPERTY} and {@value #LOG_DIR_PROPERTY} ({@code ${sys:portcullis.logDir}} in the
 * configuration). They must be set before log4j reads its configuration, so a daemon's main class has no
 * logger of its own and calls {@link #prepare} first thing once its options are parsed. It also turns log4j's
 * own shutdown hook off, which would stop logging while the daemon drains: {@link DaemonRunner} ends logging
 * after its last line.
 */
public final class DaemonLogging {
    /** The daemon's name, e.g. {@code relay-server}: the log files' prefix. */
    public static final String DAEMON_PROPERTY = "portcullis.daemon";
    /** The absolute folder of the daemon's log files; not set when the daemon logs to the console only. */
    public static final String LOG_DIR_PROPERTY = "portcullis.logDir";
    /** log4j's own shutdown hook would stop logging while the daemon still drains; {@link DaemonRunner} stops it. */
    static final String LOG4J_SHUTDOWN_HOOK = "log4j2.shutdownHookEnabled";

    private DaemonLogging() {
    }

    /**
     * Sets the properties. Should log4j have started already (a library logged while the options were read),
     * its configuration is read again with them.
     *
     * @param logDir the log folder, or {@code null} to log to the console only
     */
    public static void prepare(DaemonIdentity daemon, Path logDir) {
        String directory = logDir == null ? null : logDir.toAbsolutePath().normalize().toString();
        boolean changed = !daemon.name().equals(System.getProperty(DAEMON_PROPERTY))
                || !Objects.equals(directory, System.getProperty(LOG_DIR_PROPERTY));
        System.setProperty(DAEMON_PROPERTY, daemon.name());
        System.setProperty(LOG4J_SHUTDOWN_HOOK, "false");
        if (directory == null) {
            System.clearProperty(LOG_DIR_PROPERTY);
        } else {
            System.setProperty(LOG_DIR_PROPERTY, directory);
        }
        if (changed && LogManager.getFactory().hasContext(DaemonLogging.class.getName(),
                DaemonLogging.class.getClassLoader(), false)) {
            LoggerContext.getContext(false).reconfigure();
        }
    }
}
