package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.backend.crl.CrlSettings;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;
import org.portcullis.proxy.host.HostAllowList;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.CertificateAuthority;
import org.portcullis.testkit.KeyType;
import org.portcullis.testkit.TestPki;

/**
 * POST /v1/crl-urls and the CRL fetcher against a CRL distribution point served by the JDK's HTTP server on
 * loopback: a good CRL is fetched, verified and shipped; a forged one (same issuer name, another key) and an
 * unreachable one are refused and the good one stays.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrlIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final BigInteger REVOKED = BigInteger.valueOf(7_340_001);

    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @RegisterExtension
    @Order(3)
    final BackendFixture backend = new BackendFixture(PKI, HYGIENE)
            .tuned(settings -> settings.withCrl(CrlSettings.defaults().withInterval(Duration.ofMillis(200))
                    .withAllowedHosts(HostAllowList.parse(List.of("127.0.0.1")))));

    private final AtomicInteger requests = new AtomicInteger();

    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private HttpServer distributionPoint;
    private String token;

    @BeforeEach
    void startDistributionPoint() throws IOException {
        distributionPoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        distributionPoint.createContext("/ca.crl", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get();
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        distributionPoint.start();
        backend.minimalConfiguration();
        token = backend.createToken("relay-1");
        Await.until(() -> reply().code() == 200, WAIT, "the first document");
    }

    @AfterEach
    void stopDistributionPoint() {
        distributionPoint.stop(0);
    }

    @Test
    void goodCrlIsShippedAndAForgedOneIsRefusedWhileTheGoodOneStays() throws Exception {
        served.set(PKI.crl(REVOKED).getEncoded());
        String url = "http://127.0.0.1:" + distributionPoint.getAddress().getPort() + "/ca.crl";

        Reply reply = backend.post("/v1/crl-urls", token, "[\"" + url + "\", \"ldap://ldap.example/cn=crl\"]");

        assertEquals(202, reply.code());
        Await.until(() -> document().trust().crls().size() == 1, WAIT, "the CRL in the document");
        X509CRL shipped = document().trust().crls().get(0);
        assertNotNull(shipped.getRevokedCertificate(REVOKED));
        assertEquals(PKI.ca().certificate().getSubjectX500Principal(), shipped.getIssuerX500Principal());

        CertificateAuthority impostor = CertificateAuthority.create("Portcullis Test Root CA", KeyType.EC_P256);
        served.set(impostor.crl(List.of()).getEncoded());
        Await.until(() -> backend.admin("crl", "status").contains("not signed by a trusted CA"), WAIT,
                "the forged CRL to be refused");

        assertArrayEquals(shipped.getEncoded(), document().trust().crls().get(0).getEncoded());
        assertEquals(1, document().trust().crls().size());
        assertTrue(BackendFixture.read(LogHygiene.LOG_FILE).contains("CRL " + url + " refused: not signed by a trusted"
                + " CA"), "the refusal is raised as an event");
    }

    @Test
    void unreachableDistributionPointIsAnEventNotACrash() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Closed right away: connecting to this port is refused, which is what an unreachable host looks like here.
            port = closed.getLocalPort();
        }

        assertEquals(202, backend.post("/v1/crl-urls", token, "[\"http://127.0.0.1:" + port + "/gone.crl\"]").code());

        Await.until(() -> backend.admin("crl", "status").contains("unreachable"), WAIT, "the failed fetch");
        assertEquals(200, backend.get("/v1/config", token).code());
        assertEquals(0, document().trust().crls().size());
    }

    @Test
    void hostOffTheAllowListIsNotFetchedAndRaisesAnEvent() throws Exception {
        served.set(PKI.crl(REVOKED).getEncoded());
        String url = "http://localhost:" + distributionPoint.getAddress().getPort() + "/ca.crl";

        assertEquals(202, backend.post("/v1/crl-urls", token, "[\"" + url + "\"]").code());

        Await.until(() -> backend.admin("crl", "status").contains("CRL host not allowed: localhost"), WAIT,
                "the refusal of the host");
        assertEquals(0, requests.get(), "the distribution point saw no request");
        assertEquals(0, document().trust().crls().size());
        assertTrue(BackendFixture.read(LogHygiene.LOG_FILE).contains("CRL " + url + " refused: CRL host not allowed:"
                + " localhost"), "the refusal is raised as an event");
    }

    @Test
    void malformedReportsGet400() throws IOException {
        assertEquals(400, backend.post("/v1/crl-urls", token, "{\"url\": \"http://x\"}").code());
        assertEquals(400, backend.post("/v1/crl-urls", token, "[1, 2]").code());
        assertEquals(400, backend.post("/v1/crl-urls", token, "[").code());
        assertEquals(401, backend.post("/v1/crl-urls", null, "[]").code());
    }

    private RelayConfig document() {
        return ConfigLoader.parse(reply().body());
    }

    private Reply reply() {
        try {
            return backend.get("/v1/config", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
