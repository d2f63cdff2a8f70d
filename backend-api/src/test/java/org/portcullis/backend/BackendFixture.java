package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.backend.http.ApiSettings;
import org.portcullis.backend.store.StoreSettings;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/**
 * A running backend per test: a fresh data folder, the service on 127.0.0.1:0 with a TestPki certificate, an
 * Apache HttpClient 5 that trusts the test CA, and the admin CLI run in-JVM against the same data folder. Secrets
 * it makes (tokens, keys) are remembered in the {@link LogHygiene}.
 */
public final class BackendFixture implements BeforeEachCallback, AfterEachCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestPki pki;
    private final LogHygiene hygiene;
    private UnaryOperator<ServiceSettings> tuning = UnaryOperator.identity();
    private Path dataFolder;
    private PemFiles apiFiles;
    private BackendService service;
    private CloseableHttpClient client;

    public BackendFixture(TestPki pki, LogHygiene hygiene) {
        this.pki = pki;
        this.hygiene = hygiene;
    }

    /** The same fixture with the service's settings changed (a shorter CRL interval, a tighter throttle). */
    public BackendFixture tuned(UnaryOperator<ServiceSettings> change) {
        this.tuning = change;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataFolder = Files.createTempDirectory("backend-data-");
        apiFiles = pki.write(pki.server(), "api-" + COUNTER.incrementAndGet());
        start();
        client = httpClient(pki.ca().certificate());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        client.close();
        stop();
        try (Stream<Path> paths = Files.walk(dataFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Starts the service on the data folder. */
    public void start() throws InterruptedException {
        ApiSettings api = ApiSettings.of(new InetSocketAddress("127.0.0.1", 0), apiFiles.certificateChain(),
                apiFiles.privateKey());
        service = BackendService.start(tuning.apply(ServiceSettings.of(StoreSettings.inFolder(dataFolder), api)));
        hygiene.remember(read(dataFolder.resolve("master.key")).strip());
    }

    /** Stops the service. */
    public void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** The running service. */
    public BackendService service() {
        return service;
    }

    /** The data folder. */
    public Path dataFolder() {
        return dataFolder;
    }

    /** Runs an admin command in-JVM on the data folder ({@code --data} added), with empty standard input. */
    public CliResult cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs an admin command in-JVM on the data folder with the given standard input. */
    public CliResult cliWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(dataFolder.toString());
        int code = new CommandLine(new BackendApiMain(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(arguments.toArray(String[]::new));
        return new CliResult(code, out.toString(), err.toString());
    }

    /** Runs an admin command that must succeed, and returns its standard output. */
    public String admin(String... args) {
        CliResult result = cli(args);
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + ": " + result.err());
        return result.out();
    }

    /** Creates a token with the CLI and returns it (remembered as a secret). */
    public String createToken(String name) {
        return hygiene.remember(admin("token", "create", name).strip());
    }

    /**
     * Stores the least a valid document needs: a listener, the inside daemon, a server identity and the test CA.
     */
    public void minimalConfiguration() {
        Identity relay = pki.server();
        hygiene.remember(relay.privateKey());
        PemFiles files = pki.write(relay, "relay-" + COUNTER.incrementAndGet());
        admin("listener", "add", "6619");
        admin("inside", "set", "127.0.0.1:3305");
        admin("identity", "import", "server", "--cert", files.certificateChain().toString(), "--key",
                files.privateKey().toString());
        admin("ca", "add", pki.writeCa().toString());
    }

    /** GET with an optional token and extra headers (name, value, name, value...). */
    public Reply get(String pathAndQuery, String token, String... headers) throws IOException {
        HttpGet get = new HttpGet(uri(pathAndQuery));
        return send(get, token, headers);
    }

    /** POST of a JSON body with an optional token. */
    public Reply post(String path, String token, String json) throws IOException {
        HttpPost post = new HttpPost(uri(path));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post, token);
    }

    private Reply send(HttpUriRequestBase request, String token, String... headers) throws IOException {
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return client.execute(request, response -> {
            Map<String, String> names = new HashMap<>();
            for (Header header : response.getHeaders()) {
                names.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Reply(response.getCode(), names, body);
        });
    }

    private String uri(String pathAndQuery) {
        return "https://localhost:" + service.address().getPort() + pathAndQuery;
    }

    private static CloseableHttpClient httpClient(X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        SSLContext ssl = SSLContexts.custom().loadTrustMaterial(trust, null).build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildClassic())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(90)).build())
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    /** Reads a file the test wrote, failing the test if it cannot. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
