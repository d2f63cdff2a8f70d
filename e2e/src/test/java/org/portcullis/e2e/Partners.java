package org.portcullis.e2e;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.portcullis.oftp2.peer.PeerClient;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * The reference peers around the relay path: partners calling in over TLS with client certificates, the partner
 * an outgoing route reaches (a TLS Responder requiring a client certificate), and the inside daemon calling out
 * through a route on plain TCP.
 */
final class Partners {
    private final RelayPath relay;
    private final AtomicInteger names = new AtomicInteger();

    Partners(RelayPath relay) {
        this.relay = relay;
    }

    /** The partner {@link TestConfig#PARTNER_ID} with its password, a certificate of the run's CA, and its folders. */
    static PeerConfig.Builder partner(Path outbox, Path inbox) {
        return PeerConfig.builder(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD).sendDir(outbox)
                .receiveDir(inbox);
    }

    /** A partner Initiator over TLS presenting {@code certificate} (none when {@code null}), trusting the run's CA. */
    PeerClient caller(PeerConfig.Builder config, Identity certificate) throws SSLException {
        TestPki pki = relay.pki();
        Path ca = pki.writeCa();
        PeerTls tls = certificate == null ? new PeerTls(null, null, ca) : tls(certificate, ca);
        return relay.peers().client(config.tls(tls).build());
    }

    /** {@link TestConfig#PARTNER_ID} calling with a certificate of the run's CA that names it. */
    PeerClient partnerCaller(Path outbox, Path inbox) throws SSLException {
        return caller(partner(outbox, inbox), relay.pki().client(TestConfig.PARTNER_ID));
    }

    /** One session of {@code caller} with relay-server's public listener. */
    CompletableFuture<SessionResult> callRelay(PeerClient caller) {
        return caller.connect(relay.partnerAddress());
    }

    /** The outcome of a session, waited for at most {@link RelayPath#TIMEOUT}. */
    static SessionResult outcome(CompletableFuture<SessionResult> session) throws Exception {
        try {
            return session.get(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the session did not end within " + RelayPath.TIMEOUT, e);
        }
    }

    /**
     * The partner {@link TestConfig#REMOTE_ID} an outgoing route reaches: a TLS Responder with a certificate for
     * localhost and 127.0.0.1, requiring a client certificate of the run's CA and the inside daemon's password.
     * Closed after the test.
     */
    PeerServer remote(Path inbox, Consumer<SessionResult> results) throws Exception {
        TestPki pki = relay.pki();
        PeerConfig config = PeerConfig.builder(TestConfig.REMOTE_ID, TestConfig.REMOTE_PASSWORD).receiveDir(inbox)
                .expectPartner(TestConfig.INSIDE_ID, TestConfig.INSIDE_PASSWORD)
                .tls(tls(pki.server(), pki.writeCa())).build();
        return relay.closeAfterwards(relay.peers().listen(config, new InetSocketAddress("127.0.0.1", 0), results));
    }

    /** As {@link #remote(Path, Consumer)}, results into a queue. */
    PeerServer remote(Path inbox, BlockingQueue<SessionResult> results) throws Exception {
        return remote(inbox, (Consumer<SessionResult>) results::add);
    }

    /** The inside daemon as Initiator, sending {@code outbox} on plain TCP to a route's port of relay-client. */
    PeerClient insideCaller(Path outbox) throws SSLException {
        return relay.peers().client(PeerConfig.builder(TestConfig.INSIDE_ID, TestConfig.INSIDE_PASSWORD)
                .sendDir(outbox).build());
    }

    private PeerTls tls(Identity identity, Path ca) {
        PemFiles files = relay.pki().write(identity, "peer-" + names.incrementAndGet());
        return new PeerTls(files.certificateChain(), files.privateKey(), ca);
    }
}
