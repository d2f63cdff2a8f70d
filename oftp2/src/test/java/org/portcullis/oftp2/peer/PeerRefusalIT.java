package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** A Responder refuses what RFC 5024 §5.3.11 and §2.3 tell it to: bad credentials, no certificate, silence. */
@Timeout(60)
class PeerRefusalIT {
    private static final long SESSION_TIMEOUT_SECONDS = 20;
    private static final String INITIATOR_ID = "O0013000000INITIATOR";
    private static final String RESPONDER_ID = "O0013000000RESPONDER";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path temp;

    private OftpPeer peer;
    private PemFiles serverPem;
    private PemFiles clientPem;
    private final BlockingQueue<SessionResult> responderResults = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        peer = OftpPeer.create(1, 2);
        serverPem = PKI.write(PKI.server(), "server");
        clientPem = PKI.write(PKI.client(INITIATOR_ID), "client");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void rejectsWrongPasswordWithEsid04() throws Exception {
        SessionResult initiator = runSession(responder(true), initiator(INITIATOR_ID, "WRONG", true));

        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, initiator.outcome(), initiator::toString);
        assertEquals(EsidReason.INVALID_PASSWORD, initiator.esidReceived().reason());
        SessionResult responder = responderResults.poll(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(responder);
        assertEquals(SessionOutcome.ENDED_BY_THIS_PEER, responder.outcome(), responder::toString);
        assertEquals(EsidReason.INVALID_PASSWORD, responder.esidSent().reason());
    }

    @Test
    void rejectsUnknownOdetteIdWithEsid03() throws Exception {
        SessionResult initiator = runSession(responder(true), initiator("O0013000000STRANGER", "ISECRET", true));

        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, initiator.outcome(), initiator::toString);
        assertEquals(EsidReason.USER_CODE_NOT_KNOWN, initiator.esidReceived().reason());
    }

    @Test
    void rejectsClientWithoutCertificateWhenOneIsRequired() throws Exception {
        SessionResult initiator = runSession(responder(true), initiator(INITIATOR_ID, "ISECRET", false));

        assertEquals(SessionOutcome.CONNECTION_FAILED, initiator.outcome(), initiator::toString);
        assertNull(initiator.partnerId(), "no OFTP command was exchanged");
        SessionResult responder = responderResults.poll(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(responder);
        assertEquals(SessionOutcome.CONNECTION_FAILED, responder.outcome(), responder::toString);
        assertTrue(responder.failure().contains("TLS"), responder::toString);
    }

    @Test
    void rejectsServerCertificateFromAnotherCa() throws Exception {
        PemFiles untrusted = PKI.write(PKI.untrustedServer(), "untrusted");
        PeerConfig responder = PeerConfig.builder(RESPONDER_ID, "RSECRET").receiveDir(temp)
                .tls(new PeerTls(untrusted.certificateChain(), untrusted.privateKey(), null)).build();

        SessionResult initiator = runSession(responder, initiator(INITIATOR_ID, "ISECRET", false));

        assertEquals(SessionOutcome.CONNECTION_FAILED, initiator.outcome(), initiator::toString);
        assertTrue(initiator.failure().contains("TLS"), initiator::toString);
    }

    @Test
    void endsSilentSessionWithEsid09() throws Exception {
        PeerConfig responder = PeerConfig.builder(RESPONDER_ID, "RSECRET").receiveDir(temp)
                .inactivityTimeout(Duration.ofMillis(300)).build();
        try (PeerServer server = peer.listen(responder, new InetSocketAddress("127.0.0.1", 0),
                responderResults::add);
                Socket socket = new Socket("127.0.0.1", server.localAddress().getPort())) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertEquals('I', readExchangeBuffer(in)[0], "SSRM first");
            byte[] esid = readExchangeBuffer(in);
            assertEquals("F09", new String(esid, 0, 3, StandardCharsets.US_ASCII));
        }
        SessionResult result = responderResults.poll(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(result);
        assertEquals(EsidReason.TIME_OUT, result.esidSent().reason());
    }

    private SessionResult runSession(PeerConfig responder, PeerConfig initiator) throws Exception {
        try (PeerServer server = peer.listen(responder, new InetSocketAddress("127.0.0.1", 0),
                responderResults::add)) {
            return peer.client(initiator).connect(server.localAddress())
                    .get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private PeerConfig responder(boolean requireClientCertificate) throws IOException {
        return PeerConfig.builder(RESPONDER_ID, "RSECRET").receiveDir(Files.createDirectories(temp.resolve("in")))
                .expectPartner(INITIATOR_ID, "ISECRET").tls(new PeerTls(serverPem.certificateChain(),
                        serverPem.privateKey(), requireClientCertificate ? clientPem.caCertificate() : null))
                .build();
    }

    private PeerConfig initiator(String odetteId, String password, boolean withCertificate) throws IOException {
        PeerTls tls = withCertificate
                ? new PeerTls(clientPem.certificateChain(), clientPem.privateKey(), serverPem.caCertificate())
                : new PeerTls(null, null, serverPem.caCertificate());
        return PeerConfig.builder(odetteId, password).sendDir(Files.createDirectories(temp.resolve("out")))
                .tls(tls).build();
    }

    /** Reads one Stream Transmission Buffer and returns its exchange buffer (RFC 5024 §8.2). */
    private static byte[] readExchangeBuffer(DataInputStream in) throws IOException {
        int header = in.readInt();
        byte[] exchangeBuffer = new byte[(header & 0xFFFFFF) - 4];
        in.readFully(exchangeBuffer);
        return exchangeBuffer;
    }
}
