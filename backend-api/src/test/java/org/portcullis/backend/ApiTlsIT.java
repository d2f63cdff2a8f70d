package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.TestPki;
import org.portcullis.testkit.TlsProbe;

/**
 * backend-api's HTTPS port refuses weak clients (issue 10, "Security checks"): TLS 1.0 and 1.1, suites with CBC,
 * RSA key exchange or 3DES, and a renegotiation a client asks for; a good client gets through.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApiTlsIT {
    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @RegisterExtension
    @Order(3)
    final BackendFixture backend = new BackendFixture(PKI, HYGIENE);

    @Test
    void takesTls12WithAStrongSuite() {
        TlsProbe.Outcome outcome = TlsProbe.openssl(api(), "-tls1_2");
        assertTrue(outcome.established(), outcome::output);
    }

    @Test
    void refusesTls10AndTls11() {
        assertRefused(TlsProbe.oldProtocol(api(), "-tls1_1"));
        assertRefused(TlsProbe.oldProtocol(api(), "-tls1"));
    }

    @Test
    void refusesCbcRsaKeyExchangeAnd3desSuites() {
        assertRefused(TlsProbe.weakSuites(api()));
    }

    @Test
    void refusesARenegotiation() {
        assertTrue(TlsProbe.renegotiationRefused(api(), null), "backend-api went along with a renegotiation");
    }

    private InetSocketAddress api() {
        return new InetSocketAddress("127.0.0.1", backend.service().address().getPort());
    }

    private static void assertRefused(TlsProbe.Outcome outcome) {
        assertTrue(outcome.refusedByServer(), outcome::output);
    }
}
