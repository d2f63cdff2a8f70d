package org.portcullis.backend.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.portcullis.backend.BackendException;
import org.portcullis.backend.BackendService;
import org.portcullis.backend.ServiceSettings;
import org.portcullis.backend.crl.CrlSettings;
import org.portcullis.backend.http.ApiSettings;
import org.portcullis.config.Addresses;
import org.portcullis.proxy.host.HostAllowList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the HTTPS configuration service until stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTPS configuration service until stopped.")
public final class ServeCommand implements Callable<Integer> {
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
        BackendService service;
        try {
            service = BackendService.start(settings);
        } catch (BackendException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return Admin.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            // log4j's own shutdown hook is off (log4j2.xml), so the lines of the stop are written: end it now.
            LogManager.shutdown();
            stopped.countDown();
        }, "backend-shutdown"));
        stopped.await();
        return Admin.OK;
    }
}
