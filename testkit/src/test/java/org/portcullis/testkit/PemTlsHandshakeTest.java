package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class PemTlsHandshakeTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private final LoopbackTls tls = new LoopbackTls();

    @AfterEach
    void closeTls() {
        tls.close();
    }

    @Test
    void mutualTlsFromPemFilesCompletes() throws Exception {
        LoopbackTls.Outcome outcome = tls.handshake(
                serverContext(PKI, PKI.server()),
                clientContext(PKI, PKI.client("O0013000000PARTNER")), "localhost");

        assertTrue(outcome.bothSucceeded(), outcome::toString);
    }

    @Test
    void rsaIdentitiesWorkToo() throws Exception {
        TestPki rsa = TestPki.create(KeyType.RSA_2048);
        try {
            LoopbackTls.Outcome outcome = tls.handshake(serverContext(rsa, rsa.server()),
                    clientContext(rsa, rsa.client("X")), "127.0.0.1");
            assertTrue(outcome.bothSucceeded(), outcome::toString);
        } finally {
            rsa.close();
        }
    }

    @Test
    void serverRefusesClientOfUntrustedCa() throws Exception {
        LoopbackTls.Outcome outcome = tls.handshake(serverContext(PKI, PKI.server()),
                clientContext(PKI, PKI.untrustedClient("O0013000000ROGUE")), "localhost");

        assertNotNull(outcome.serverFailure(), outcome::toString);
    }

    @Test
    void clientRefusesServerOfUntrustedCa() throws Exception {
        LoopbackTls.Outcome outcome = tls.handshake(serverContext(PKI, PKI.untrustedServer()),
                clientContext(PKI, PKI.client("A")), "localhost");

        assertNotNull(outcome.clientFailure(), outcome::toString);
    }

    @Test
    void clientRefusesExpiredServer() throws Exception {
        LoopbackTls.Outcome outcome = tls.handshake(serverContext(PKI, PKI.expiredServer()),
                clientContext(PKI, PKI.client("A")), "localhost");

        assertNotNull(outcome.clientFailure(), outcome::toString);
    }

    @Test
    void clientRefusesServerWithWrongName() throws Exception {
        LoopbackTls.Outcome outcome = tls.handshake(serverContext(PKI, PKI.wrongNameServer()),
                clientContext(PKI, PKI.client("A")), "localhost");

        assertNotNull(outcome.clientFailure(), outcome::toString);
    }

    private static SslContext serverContext(TestPki pki, Identity identity) throws Exception {
        PemFiles files = pki.write(identity, "server");
        return SslContextBuilder.forServer(files.certificateChainFile(), files.privateKeyFile())
                .trustManager(pki.writeCa().toFile()).clientAuth(ClientAuth.REQUIRE).build();
    }

    // Both sides trust only the PKI's trusted CA, whichever CA signed their own identity.
    private static SslContext clientContext(TestPki pki, Identity identity) throws Exception {
        PemFiles files = pki.write(identity, "client");
        return SslContextBuilder.forClient().keyManager(files.certificateChainFile(), files.privateKeyFile())
                .trustManager(pki.writeCa().toFile()).endpointIdentificationAlgorithm("HTTPS").build();
    }
}
