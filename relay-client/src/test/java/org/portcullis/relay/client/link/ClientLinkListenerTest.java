package org.portcullis.relay.client.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.ConfigLoader;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.relay.client.RecordingLinkStream;
import org.portcullis.relay.client.config.LoadedConfig;
import org.portcullis.testkit.TestPki;

class ClientLinkListenerTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private final byte[] document = new ClientConfigs(PKI).document("42", 3305, List.of());
    private final LoadedConfig config = new LoadedConfig(ConfigLoader.parse(document), document);
    private final List<LinkStream> incoming = new CopyOnWriteArrayList<>();
    private final List<ControlMessage> reports = new CopyOnWriteArrayList<>();
    private final ClientLinkListener listener = new ClientLinkListener(() -> Optional.of(config), incoming::add,
            reports::add);
    private final RecordingLink link = new RecordingLink();

    @Test
    void pushesTheConfigurationDocumentOnLinkUp() {
        listener.linkUp(link);
        assertEquals(1, link.sent.size());
        assertEquals(ControlType.CONFIG, link.sent.get(0).type());
        assertArrayEquals(document, link.sent.get(0).body(), "the document exactly as read");
    }

    @Test
    void pushesNothingBeforeTheFirstConfiguration() {
        new ClientLinkListener(Optional::empty, incoming::add, reports::add).linkUp(link);
        assertTrue(link.sent.isEmpty());
    }

    @Test
    void passesCrlUrlsAndEventsOnAndRemembersTheAppliedRevision() {
        assertTrue(listener.appliedRevision().isEmpty());
        ControlMessage crlUrls = ControlMessage.of(ControlType.CRL_URLS, "{\"urls\": [\"http://crl.example/ca.crl\"]}");
        ControlMessage event = ControlMessage.of(ControlType.EVENT, "{\"severity\": \"ERROR\", \"message\": \"x\"}");
        listener.control(link, crlUrls);
        listener.control(link, event);
        listener.control(link, ControlMessage.of(ControlType.CONFIG_RESULT,
                "{\"applied\": true, \"revision\": \"42\"}"));
        listener.control(link, ControlMessage.of(ControlType.CONFIG_RESULT,
                "{\"applied\": false, \"revision\": \"43\", \"errors\": [\"bad\"]}"));

        assertEquals(List.of(crlUrls, event), reports);
        assertEquals(Optional.of("42"), listener.appliedRevision(), "a refused revision is not the applied one");
    }

    @Test
    void handsIncomingStreamsInside() {
        RecordingLinkStream stream = new RecordingLinkStream(StreamKind.INCOMING);
        listener.streamOpened(link, stream);
        assertSame(stream, incoming.get(0));
        assertFalse(stream.reset.isDone());
    }

    @Test
    void resetsAnOutgoingStreamOpenedByTheServer() {
        RecordingLinkStream stream = new RecordingLinkStream(StreamKind.OUTGOING);
        listener.streamOpened(link, stream);
        assertTrue(incoming.isEmpty());
        assertTrue(stream.reset.getNow("").contains("only INCOMING"), stream.reset::join);
    }

    @Test
    void takesEveryControlMessageTheServerSends() {
        listener.control(link, ControlMessage.of(ControlType.CONFIG_RESULT,
                "{\"applied\": true, \"revision\": \"42\"}"));
        listener.control(link, ControlMessage.of(ControlType.CONFIG_RESULT,
                "{\"applied\": false, \"revision\": \"42\", \"errors\": [\"partners[0].odetteId: bad\"]}"));
        listener.control(link, ControlMessage.of(ControlType.CONFIG_RESULT, "not JSON"));
        listener.control(link, ControlMessage.of(ControlType.CRL_URLS, "[\"http://crl.example/ca.crl\"]"));
        listener.control(link, ControlMessage.of(ControlType.EVENT, "x".repeat(10_000)));
        listener.control(link, ControlMessage.of(ControlType.CONFIG, "{}"));
        listener.linkDown(link, new IllegalStateException("heartbeat timeout"));
        assertTrue(link.sent.isEmpty(), "nothing is answered");
    }

    /** A link that keeps the control messages sent on it. */
    private static final class RecordingLink implements Link {
        final List<ControlMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "link-test";
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 2878);
        }

        @Override
        public X509Certificate peerCertificate() {
            return null;
        }

        @Override
        public EventLoop eventLoop() {
            throw new UnsupportedOperationException("no connection");
        }

        @Override
        public CompletableFuture<LinkStream> openStream(StreamOpen open) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public void sendControl(ControlMessage message) {
            sent.add(message);
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public int activeStreams() {
            return 0;
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
        }
    }
}
