package org.portcullis.relay.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.VerifyConfigCommand;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.LicenseOptions;
import org.portcullis.license.LicenseStatus;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkSettings;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.refusals.RefusalsCommand;
import org.portcullis.relay.server.session.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Entry point of relay-server, the DMZ tier that terminates partners' OFTP2 (RFC 5024) sessions. */
@Command(name = "relay-server", versionProvider = ManifestVersionProvider.class,
        subcommands = {VerifyConfigCommand.class, RefusalsCommand.class},
        description = {"The DMZ tier of Portcullis: terminates partners' OFTP2 sessions and relays them over the "
                + "link to relay-client.", "Its only configuration on disk is the link's credentials and the "
                + "license; everything else comes from relay-client. Runs until SIGTERM or SIGINT."})
public final class RelayServerMain implements Callable<Integer> {
    /** Exit code when the server cannot start (link credentials, address in use). */
    static final int START_FAILED = 1;

    private static final Logger LOG = LogManager.getLogger();

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

    @Mixin
    private LicenseOptions license;

    @Mixin
    private Verbosity verbosity;

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
        LicenseStatus licensed = license.check(spec.commandLine(), host, clock);
        if (!licensed.valid()) {
            spec.commandLine().getErr().println(licensed.message());
            return licensed.exitCode();
        }
        RelayServerSettings settings = new RelayServerSettings(linkAddress, credentials, LinkSettings.defaults(),
                AuditLog.toLogger(), RunningLicense.of(licensed, clock));
        verbosity.apply();
        LOG.info("{} on Java {}", spec.version()[0], Runtime.version());
        return run(new RelayServer(settings));
    }

    /** Starts the server and waits for SIGTERM or SIGINT. */
    private static int run(RelayServer server) throws InterruptedException {
        try {
            server.start();
        } catch (LinkException e) {
            LOG.error("relay-server cannot start: {}", e.getMessage());
            server.close();
            return START_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
            LogManager.shutdown();
        }, "relay-server-shutdown"));
        stopped.await();
        return 0;
    }
}
