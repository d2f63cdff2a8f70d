package org.portcullis.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.portcullis.daemon.control.ControlAddress;
import org.portcullis.daemon.control.ControlSecret;
import picocli.CommandLine.Option;

/**
 * The options every daemon takes for running as a service: {@code --pid-file}, {@code --control},
 * {@code --control-secret}, {@code --drain-timeout}. A picocli mixin, made by the daemon's command with its
 * identity, which gives the defaults.
 */
public final class DaemonOptions {
    /** How long running sessions get to finish after SIGTERM unless {@code --drain-timeout} says otherwise. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final DaemonIdentity identity;

    @Option(names = "--pid-file", paramLabel = "FILE",
            description = "The PID file, locked while the daemon runs (default: ${DEFAULT-VALUE}).")
    private Path pidFile;

    @Option(names = "--control", paramLabel = "[IP:]PORT", converter = ControlAddress.Converter.class,
            description = "The control port, on loopback only; port 0 takes a free port, written to the control "
                    + "file beside the PID file (default: ${DEFAULT-VALUE}).")
    private ControlAddress control;

    @Option(names = "--control-secret", paramLabel = "FILE",
            description = "The control port's secret: the first line of a file readable by the service user only "
                    + "(default: ${DEFAULT-VALUE}; without that file the control port stays closed).")
    private Path controlSecret;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On SIGTERM or SIGINT, how long running sessions may take to finish before they are "
                    + "ended with ESID 05 (default: 60s; e.g. 90s, 5m).")
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

    public DaemonOptions(DaemonIdentity identity) {
        this.identity = identity;
        this.pidFile = identity.defaultPidFile();
        this.control = identity.defaultControlAddress();
        this.controlSecret = identity.defaultControlSecret();
    }

    public DaemonIdentity identity() {
        return identity;
    }

    public Path pidFile() {
        return pidFile;
    }

    public ControlAddress control() {
        return control;
    }

    public Path controlSecretFile() {
        return controlSecret;
    }

    public Duration drainTimeout() {
        return drainTimeout;
    }

    /**
     * The control secret, or empty when the default file does not exist: then the control port stays closed
     * (a warning says so). A file given with {@code --control-secret} must exist.
     *
     * @throws DaemonException {@link DaemonException#SETUP_FAILED} for a missing given file, an unreadable
     *                         one or one open to group or others
     */
    public Optional<ControlSecret> controlSecret() {
        if (controlSecret.equals(identity.defaultControlSecret()) && !Files.exists(controlSecret)) {
            return Optional.empty();
        }
        return Optional.of(ControlSecret.read(controlSecret));
    }
}
