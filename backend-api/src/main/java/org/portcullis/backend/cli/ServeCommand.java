package org.portcullis.backend.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.portcullis.backend.BackendApiMain;
import org.portcullis.backend.BackendDaemon;
import org.portcullis.backend.ServiceSettings;
import org.portcullis.backend.crl.CrlSettings;
import org.portcullis.backend.http.ApiSettings;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.DaemonLogging;
import org.portcullis.daemon.DaemonOptions;
import org.portcullis.daemon.DaemonRunner;
import org.portcullis.proxy.host.HostAllowList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the HTTPS configuration service as a daemon (PID file, control port, daily log files) until
 * SIGTERM or SIGINT, as relay-server and relay-client run (docs/operations.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTPS configuration service until stopped (SIGTERM or SIGINT: it stops, removes "
                + "its PID file and exits 0).", "Asked while it runs with backend-api ctl."})
public final class ServeCommand implements Callable<Integer> {
    // No logger in this class: log4j must start after --log-dir is known (DaemonLogging).

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Option(names = "--cert", required = true, paramLabel = "PEM",
            description = "the API's certificate chain, leaf first")
    private Path certificate;

    @Option(names = "--key", required = true, paramLabel = "PEM", description = "the API's private key")
    private Path key;

    @Option(names = "--listen", paramLabel = "[IP:]PORT", defaultValue = "0.0.0.0:" + ApiSettings.DEFAULT_PORT,
            description = "where the API listens (default: ${DEFAULT-VALUE})")
    private String listen;

    @Option(names = "--crl-interval", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "how often every CRL is fetched again (default: ${DEFAULT-VALUE})")
    private Duration crlInterval;

    @Option(names = "--crl-allowed-hosts", paramLabel = "HOSTS", split = ",",
            description = "the only hosts CRLs are fetched from: exact hosts, *.suffix, IP addresses or CIDR ranges,"
                    + " comma-separated (default: any host)")
    private List<String> crlAllowedHosts;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "where the daily log files go (default: none, the console only, as for systemd's journal)")
    private Path logDir;

    @Mixin
    private final DaemonOptions daemon = new DaemonOptions(BackendApiMain.IDENTITY);

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address;
        try {
            address = Addresses.parseListenAddress(listen, "0.0.0.0", ApiSettings.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--listen " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Admin.BAD_INPUT;
        }
        HostAllowList crlHosts = null;
        if (crlAllowedHosts != null) {
            try {
                crlHosts = HostAllowList.parse(crlAllowedHosts);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--crl-allowed-hosts: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return Admin.BAD_INPUT;
            }
        }
        ServiceSettings settings = ServiceSettings.of(store.settings(), ApiSettings.of(address, certificate, key))
                .withCrl(CrlSettings.defaults().withInterval(crlInterval).withAllowedHosts(crlHosts));
        DaemonLogging.prepare(BackendApiMain.IDENTITY, logDir);
        return new DaemonRunner(daemon, Clock.systemUTC()).run(new BackendDaemon(settings,
                spec.commandLine().getErr()), spec.commandLine().getErr());
    }
}
