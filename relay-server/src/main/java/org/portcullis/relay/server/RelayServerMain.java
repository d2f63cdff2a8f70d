package org.portcullis.relay.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.portcullis.config.VerifyConfigCommand;
import org.portcullis.daemon.DaemonIdentity;
import org.portcullis.daemon.DaemonLogging;
import org.portcullis.daemon.DaemonOptions;
import org.portcullis.daemon.DaemonRunner;
import org.portcullis.daemon.ManifestVersionProvider;
import org.portcullis.daemon.control.CtlCommand;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.LicenseOptions;
import org.portcullis.license.LicenseStatus;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.refusals.RefusalsCommand;
import org.portcullis.relay.server.session.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of relay-server, the DMZ tier that terminates partners' OFTP2 (RFC 5024) sessions. */
@Command(name = "relay-server", versionProvider = ManifestVersionProvider.class,
        subcommands = {VerifyConfigCommand.class, CtlCommand.class, RefusalsCommand.class},
        description = {"The DMZ tier of Portcullis: terminates partners' OFTP2 sessions and relays them over the "
                + "link to relay-client.", "Its only configuration on disk is the link's credentials and the "
                + "license; everything else comes from relay-client. Runs until SIGTERM or SIGINT, which "
                + "drain it: no new sessions, running ones get --drain-timeout, then ESID 05."})
public final class RelayServerMain implements Callable<Integer> {
    /** Exit code when the server cannot start (link credentials, address in use). */
    static final int START_FAILED = 1;
    /** Its name, main class and control port 9878. */
    static final DaemonIdentity IDENTITY = new DaemonIdentity("relay-server", RelayServerMain.class.getName(), 9878);

    // No logger in this class: log4j must start after --log-dir is known (DaemonLogging).

    private final HostIdentity host;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    // Declared here rather than with mixinStandardHelpOptions, whose -V the license status takes.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "Prints the version and exits.")
    private boolean version;

    @Option(names = {"-i", "--link-listen"}, paramLabel = "[IP:]PORT", defaultValue = "0.0.0.0:2878",
            converter = ListenAddressConverter.class,
            description = "Where the link listens for relay-client (default: ${DEFAULT-VALUE}; [::]:2878 for IPv4 "
                    + "and IPv6).")
    private InetSocketAddress linkAddress;

    @Mixin
    private LinkOptions link;

    @Option(names = "--tls-provider", paramLabel = "auto|openssl|jdk", defaultValue = "auto",
            description = "The TLS implementation of the link and the partners' connections: openssl (BoringSSL, the faster), jdk, or auto "
                    + "(default: openssl where its native library loads, else jdk).")
    private String tlsProvider;


    @Mixin
    private LicenseOptions license;

    @Mixin
    private Verbosity verbosity;

    @Mixin
    private final DaemonOptions daemon = new DaemonOptions(IDENTITY);

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Where the daily log files and the audit log go (default: none, the console only, as for "
                    + "systemd's journal).")
    private Path logDir;

    /** This host (its machine ID) and the system clock. */
    public RelayServerMain() {
        this(HostIdentity.system(), Clock.systemUTC());
    }

    /** Another host identity and clock: for tests. */
    RelayServerMain(HostIdentity host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        OptionalInt answered = license.answerQueries(spec.commandLine(), host, clock);
        if (answered.isPresent()) {
            return answered.getAsInt();
        }
        LinkCredentials credentials = link.credentials(spec.commandLine());
        DaemonLogging.prepare(IDENTITY, logDir);
        LicenseStatus licensed = license.check(spec.commandLine(), host, clock);
        if (!licensed.valid()) {
            spec.commandLine().getErr().println(licensed.message());
            return licensed.exitCode();
        }
        RelayServerSettings settings = new RelayServerSettings(linkAddress, credentials,
                linkSettings(),
                AuditLog.toLogger(), RunningLicense.of(licensed, clock));
        verbosity.apply();
        return new DaemonRunner(daemon, clock).run(new ServerDaemon(new RelayServer(settings), clock),
                spec.commandLine().getErr());
    }

    /** The link's settings with the TLS provider asked for; a usage error for an unknown one. */
    private LinkSettings linkSettings() {
        try {
            return LinkSettings.defaults().withTlsProvider(TlsProvider.parse(tlsProvider));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
