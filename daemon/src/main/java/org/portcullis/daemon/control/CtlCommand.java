package org.portcullis.daemon.control;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.portcullis.daemon.DaemonCommand;
import org.portcullis.daemon.DaemonException;
import org.portcullis.daemon.DaemonOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code DAEMON ctl COMMAND}: asks the running daemon over its control port and prints the answer. Where it
 * finds the port: {@code --control}, else the control file beside the PID file (which a running daemon
 * writes, so port 0 and a non-default port are found), else the daemon's default. The secret comes from
 * {@code --control-secret} (the daemon's default file without it). A subcommand of each daemon's command,
 * whose {@link DaemonOptions} give the defaults.
 *
 * <p>Exit codes: 0 the daemon did it; 1 the daemon refused it (the reason printed); 2 a usage error;
 * 3 no answer (not running, wrong secret, or the secret file cannot be read).
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
        description = "Asks the running daemon over its control port (loopback) and prints the answer.",
        footer = {"", "Exit codes: 0 done, 1 refused by the daemon, 2 usage error, 3 no answer (not running, wrong "
                + "secret, unreadable secret file)."})
public final class CtlCommand {
    /** Exit code when the daemon refused the command. */
    public static final int REFUSED = 1;
    /** Exit code when there is no answer. */
    public static final int NO_ANSWER = 3;
    /** How long a request may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--control", paramLabel = "[IP:]PORT", converter = ControlAddress.Converter.class,
            scope = ScopeType.INHERIT,
            description = "The control port (default: from the control file beside the PID file, else the "
                    + "daemon's default port).")
    private ControlAddress control;

    @Option(names = "--control-secret", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The file with the control secret (default: the daemon's).")
    private Path secret;

    @Option(names = "--pid-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The daemon's PID file, beside which its control file is (default: the daemon's).")
    private Path pidFile;

    @Command(name = "status", description = "Version, uptime, license, link, configuration, route, log levels and "
            + "running sessions.")
    int status() {
        return send("status");
    }

    @Command(name = "sessions", description = "The running sessions: id, partner, direction, peer, bytes, age.")
    int sessions() {
        return send("sessions");
    }

    @Command(name = "metrics", description = "The daemon's metrics in the Prometheus text format.")
    int metrics() {
        return send("metrics");
    }

    @Command(name = "kill-session", description = "Ends one session now with ESID 05 to the partner.")
    int killSession(@Parameters(paramLabel = "ID", description = "The session id, as status shows it.") String id) {
        return send("kill-session " + id);
    }

    @Command(name = "loglevel", description = {"Sets a log level at runtime: of the daemon (its org.portcullis "
            + "loggers), of one logger, of one partner's or of one session's lines.",
        "LEVEL is ERROR, WARN, INFO, DEBUG, TRACE, OFF, or reset (back to how it was)."})
    int loglevel(@Parameters(paramLabel = "LEVEL") String level,
            @Option(names = "--logger", paramLabel = "NAME", description = "One logger (and those below it).")
            String logger,
            @Option(names = "--partner", paramLabel = "ODETTEID", description = "The lines of one partner's sessions.")
            String partner,
            @Option(names = "--session", paramLabel = "ID", description = "The lines of one session.") String session,
            @Option(names = "--revert-after", paramLabel = "DURATION",
                    description = "Back to the level before after this time (e.g. 90s, 10m, 2h).") String revertAfter) {
        if (Stream.of(logger, partner, session).filter(Objects::nonNull).count() > 1) {
            throw new ParameterException(spec.commandLine().getSubcommands().get("loglevel"),
                    "give one of --logger, --partner, --session");
        }
        List<String> words = new ArrayList<>(List.of("loglevel", level));
        option(words, "--logger", logger);
        option(words, "--partner", partner);
        option(words, "--session", session);
        option(words, "--revert-after", revertAfter);
        return send(String.join(" ", words));
    }

    private static void option(List<String> words, String name, String value) {
        if (value != null) {
            words.add(name);
            words.add(value);
        }
    }

    private int send(String command) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DaemonOptions daemon = daemonOptions();
        String name = daemon.identity().name();
        try {
            ControlAddress address = address(daemon);
            String secretLine = ControlSecret.firstLine(secret != null ? secret : daemon.controlSecretFile());
            ControlResponse response = ControlClient.send(address, secretLine, command, TIMEOUT);
            out.print(response.body());
            out.flush();
            if (!response.ok()) {
                err.println(name + " ctl: " + response.message());
                return REFUSED;
            }
            return 0;
        } catch (IOException | DaemonException e) {
            err.println(name + " ctl: " + e.getMessage());
            return NO_ANSWER;
        }
    }

    private ControlAddress address(DaemonOptions daemon) throws IOException {
        if (control != null) {
            return control;
        }
        Path file = ControlFile.beside(pidFile != null ? pidFile : daemon.pidFile());
        Optional<ControlAddress> written = ControlFile.read(file);
        return written.orElse(daemon.control());
    }

    /**
     * The daemon command's options, whose values (default or given before {@code ctl}) are the defaults here;
     * or those a {@link DaemonCommand} gives.
     */
    private DaemonOptions daemonOptions() {
        CommandSpec parent = spec.parent();
        if (parent != null) {
            if (parent.userObject() instanceof DaemonCommand command) {
                return command.daemonOptions();
            }
            for (CommandSpec mixin : parent.mixins().values()) {
                if (mixin.userObject() instanceof DaemonOptions options) {
                    return options;
                }
            }
        }
        throw new CommandLine.ExecutionException(spec.commandLine(), "ctl is a subcommand of a daemon's command");
    }
}
