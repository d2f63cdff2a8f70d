package org.portcullis.relay.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.portcullis.config.ConfigException;
import org.portcullis.config.HashPasswordCommand;
import org.portcullis.config.VerifyConfigCommand;
import org.portcullis.daemon.DaemonIdentity;
import org.portcullis.daemon.DaemonLogging;
import org.portcullis.daemon.DaemonOptions;
import org.portcullis.daemon.DaemonRunner;
import org.portcullis.daemon.ManifestVersionProvider;
import org.portcullis.daemon.control.CtlCommand;
import org.portcullis.link.Backoff;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.client.backend.Backend;
import org.portcullis.relay.client.backend.BackendOptions;
import org.portcullis.relay.client.cli.AddressConverters;
import org.portcullis.relay.client.cli.Token;
import org.portcullis.relay.client.cli.TokenArguments;
import org.portcullis.relay.client.config.ConfigFileWatcher;
import org.portcullis.relay.client.config.ConfigSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of relay-client, the inside tier that carries OFTP2 (RFC 5024) sessions to the inside daemon. */
@Command(name = "relay-client", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        subcommands = {VerifyConfigCommand.class, HashPasswordCommand.class, CtlCommand.class},
        description = "The inside tier of Portcullis: dials the relay-server and carries sessions to the OFTP2 daemon.",
        footer = {"", "Any option can come from an argument file: relay-client @/etc/portcullis/client.args",
                "(picocli's format: arguments separated by white space or lines, # starts a comment).",
                "The token file is read verbatim: give it as -T @FILE or --token=@FILE on the command line,",
                "and as --token=@FILE (or -T@FILE) inside an argument file."})
public final class RelayClientMain implements Callable<Integer> {
    /** Exit code when the configuration file does not validate. */
    static final int INVALID_CONFIG = 1;
    /** Exit code when the link credentials (or the backend's CA file) cannot be read. */
    static final int CANNOT_START = 3;
    /** How often {@code --config-file} is checked for changes. */
    static final Duration CONFIG_CHECK_INTERVAL = Duration.ofSeconds(5);
    /** Its name, main class and control port 9879. */
    static final DaemonIdentity IDENTITY = new DaemonIdentity("relay-client", RelayClientMain.class.getName(), 9879);

    // No logger in this class: log4j must start after --log-dir is known (DaemonLogging).

    @Spec
    private CommandSpec spec;

    @Option(names = {"-U", "--backend-url"}, paramLabel = "URL",
            description = "the backend the configuration comes from: https://HOST[:PORT] (then /v1/config) or the "
                    + "configuration's full URL")
    private URI backendUrl;

    @Option(names = {"-S", "--server"}, paramLabel = "HOST[:PORT]", converter = AddressConverters.Server.class,
            description = "relay-server's link address; port default 2878, IPv6 literals in brackets")
    private InetSocketAddress server;

    @Option(names = {"-T", "--token"}, paramLabel = "TOKEN|@FILE", converter = Token.Converter.class,
            description = "the backend token, or @FILE to read it from a file (keeps it out of ps)")
    private Token token;

    @Option(names = {"-d", "--foreground"}, description = "log to the console instead of files")
    private boolean foreground;

    @Option(names = {"-o", "--outgoing-ip"}, paramLabel = "IP", converter = AddressConverters.IpLiteral.class,
            description = "the local address the link is dialled from")
    private InetAddress outgoingIp;

    @Option(names = "--config-file", paramLabel = "FILE",
            description = "read the configuration document from FILE instead of the backend (offline and test "
                    + "mode); re-read when it changes (replace it by renaming, so no half-written file is read)")
    private Path configFile;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "where the log files go without -d (default: ${DEFAULT-VALUE})")
    private Path logDir;

    @Option(names = "--link-cert", paramLabel = "PEM", description = "relay-client's link certificate chain")
    private Path linkCert;

    @Option(names = "--link-key", paramLabel = "PEM", description = "its private key (PKCS#8)")
    private Path linkKey;

    @Option(names = "--link-ca", paramLabel = "PEM", description = "the CA relay-server's link certificate chains to")
    private Path linkCa;

    @Option(names = "--server-pin", paramLabel = "sha256:HEX",
            description = "the pinned link identity of relay-server: SHA-256 of its DER certificate")
    private String serverPin;

    @Option(names = "--tls-provider", paramLabel = "auto|openssl|jdk", defaultValue = "auto",
            description = "The TLS implementation of the link: openssl (BoringSSL, the faster), jdk, or auto "
                    + "(default: openssl where its native library loads, else jdk).")
    private String tlsProvider;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private final DaemonOptions daemon = new DaemonOptions(IDENTITY);

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayClientMain()).execute(TokenArguments.protect(args)));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (configFile == null) {
            requireOptions(backendUrl == null ? "-U" : null, token == null ? "-T" : null);
        }
        RelayClientSettings settings = settings();
        DaemonLogging.prepare(IDENTITY, foreground ? null : logDir);
        ConfigSource config;
        try {
            config = configFile != null ? ConfigFileWatcher.open(configFile, CONFIG_CHECK_INTERVAL) : backend(settings);
        } catch (ConfigException e) {
            e.errors().forEach(spec.commandLine().getErr()::println);
            return INVALID_CONFIG;
        } catch (IOException e) {
            spec.commandLine().getErr().println("relay-client: cannot read the backend's CA file: " + e.getMessage());
            return CANNOT_START;
        }
        if (configFile != null && backendUrl != null) {
            LogManager.getLogger(RelayClientMain.class).info("configuration from {}; the backend {} is not asked",
                    configFile, backendUrl);
        }
        RelayClient client = new RelayClient(settings, config, config instanceof Backend backend ? backend
                : report -> { });
        return new DaemonRunner(daemon, Clock.systemUTC()).run(new ClientDaemon(client, spec.commandLine().getErr(),
                Clock.systemUTC()), spec.commandLine().getErr());
    }

    /** The backend of {@code -U}, reached with the {@code -T} token through proxy discovery; not yet polling. */
    private Backend backend(RelayClientSettings settings) throws IOException {
        try {
            return Backend.open(backendOptions.settings(backendUrl, token, settings.server().getHostString(),
                    System.getenv()), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The parsed backend token, for tests of the CLI. */
    Token token() {
        return token;
    }

    /** The parsed server address, for tests of the CLI. */
    InetSocketAddress server() {
        return server;
    }

    private RelayClientSettings settings() {
        requireOptions(server == null ? "-S" : null, linkCert == null ? "--link-cert" : null,
                linkKey == null ? "--link-key" : null, linkCa == null ? "--link-ca" : null);
        try {
            return new RelayClientSettings(server, outgoingIp, new LinkCredentials(linkCert, linkKey, linkCa, serverPin),
                    linkSettings(),
                    Backoff.defaults(), RelayClientSettings.DEFAULT_SSRM_TIMEOUT);
        } catch (LinkException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Usage error naming every missing option; nulls are the options present. */
    private void requireOptions(String... missing) {
        List<String> names = new ArrayList<>();
        for (String name : missing) {
            if (name != null) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option(s): " + String.join(", ", names)
                    + (configFile == null ? " (or give --config-file)" : ""));
        }
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
