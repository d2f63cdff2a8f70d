package org.portcullis.link.mux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.StreamOpenCodec;
import org.portcullis.testkit.TestPki;

class MultiplexerTest {
    private static final int WINDOW = LinkSettings.MIN_WINDOW * 2;
    private static final LinkSettings SETTINGS = new LinkSettings(Duration.ofSeconds(5), Duration.ofSeconds(15),
            WINDOW, 4, Duration.ofSeconds(10));
    private static X509Certificate certificate;
    private MuxPair pair;

    @BeforeAll
    static void makeCertificate() {
        try (TestPki pki = TestPki.create()) {
            certificate = pki.client("link-client").certificate();
        }
    }

    @AfterEach
    void close() {
        if (pair != null) {
            pair.close();
        }
    }

    private MuxPair pair() {
        pair = new MuxPair(SETTINGS, SETTINGS, certificate);
        pair.settle();
        return pair;
    }

    private static StreamOpen open(String sessionId) {
        return new StreamOpen(StreamKind.INCOMING, sessionId, "O0013000000ACME", null, "192.0.2.7:6619");
    }

    private LinkStream openFromClient(String sessionId) throws Exception {
        CompletableFuture<LinkStream> future = pair.clientLink().openStream(open(sessionId));
        pair.settle();
        LinkStream stream = future.get();
        stream.setListener(pair.clientEvents);
        pair.settle();
        return stream;
    }

    private static ByteBuf bytes(byte[] data) {
        return Unpooled.wrappedBuffer(data);
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    @Test
    void reportsTheLinkUpOnBothSides() {
        pair();
        assertEquals(List.of(pair.clientLink()), pair.clientEvents.up);
        assertEquals(List.of(pair.serverLink()), pair.serverEvents.up);
        assertTrue(pair.clientLink().isActive());
        assertEquals(certificate, pair.serverLink().peerCertificate());
    }

    @Test
    void theClientIsUpOnlyOnceTheServerHasSpoken() {
        pair = new MuxPair(SETTINGS, SETTINGS, certificate);
        assertEquals(1, pair.serverEvents.up.size());
        assertTrue(pair.clientEvents.up.isEmpty(), "TLS 1.3 lets the client finish before the server checked it");
        pair.settle();
        assertEquals(1, pair.clientEvents.up.size());
    }

    @Test
    void opensStreamsWithOddIdsFromTheClientAndEvenIdsFromTheServer() throws Exception {
        pair();
        LinkStream first = openFromClient("s-1");
        LinkStream second = openFromClient("s-2");
        CompletableFuture<LinkStream> fromServer = pair.serverLink().openStream(open("s-3"));
        pair.settle();
        assertEquals(1, first.id());
        assertEquals(3, second.id());
        assertEquals(2, fromServer.get().id());
        assertEquals(open("s-1"), pair.serverEvents.opened.get(0).open());
        assertEquals(3, pair.clientLink().activeStreams());
        assertEquals(3, pair.serverLink().activeStreams());
    }

    @Test
    void carriesDataBothWaysInOrder() throws Exception {
        pair();
        LinkStream client = openFromClient("s-1");
        LinkStream server = pair.serverEvents.opened.get(0);
        byte[] up = random(100_000);
        byte[] down = random(70_000);
        for (int offset = 0; offset < up.length; offset += 7_000) {
            client.write(Unpooled.wrappedBuffer(up, offset, Math.min(7_000, up.length - offset)));
        }
        server.write(bytes(down));
        pair.settle();
        assertArrayEquals(up, pair.serverEvents.receivedBytes(1));
        assertArrayEquals(down, pair.clientEvents.receivedBytes(1));
    }

    @Test
    void sendsNoMoreThanTheWindowUntilTheReceiverConsumes() throws Exception {
        pair();
        pair.serverEvents.consume = false;
        LinkStream client = openFromClient("s-1");
        MuxStream server = (MuxStream) pair.serverEvents.opened.get(0);
        client.write(bytes(random(3 * WINDOW)));
        pair.settle();
        assertEquals(WINDOW, pair.serverEvents.receivedOctets(1));
        assertEquals(WINDOW, server.unconsumedOctets());
        assertEquals(2 * WINDOW, ((MuxStream) client).queuedOctets());
        assertFalse(client.isWritable());

        server.consumed(WINDOW / 2 - 1);
        pair.settle();
        assertEquals(WINDOW, pair.serverEvents.receivedOctets(1), "credit below half a window is kept back");
        server.consumed(1);
        pair.settle();
        assertEquals(WINDOW + WINDOW / 2, pair.serverEvents.receivedOctets(1));
        server.consumed(WINDOW);
        pair.settle();
        server.consumed(WINDOW);
        pair.settle();
        assertEquals(3 * WINDOW, pair.serverEvents.receivedOctets(1));
        assertEquals(0, ((MuxStream) client).queuedOctets());
    }

    @Test
    void reportsWritabilityAtTheWaterMarks() throws Exception {
        pair();
        pair.serverEvents.consume = false;
        LinkStream client = openFromClient("s-1");
        client.write(bytes(random(WINDOW)));
        client.write(bytes(random(WINDOW / 2)));
        pair.settle();
        assertFalse(client.isWritable());
        assertEquals(List.of(false), pair.clientEvents.writability);
        pair.serverEvents.opened.get(0).consumed(WINDOW);
        pair.settle();
        assertTrue(client.isWritable());
        assertEquals(List.of(false, true), pair.clientEvents.writability);
    }

    @Test
    void holdsDataUntilAListenerIsSet() throws Exception {
        pair();
        pair.serverEvents.listenOnOpen = false;
        LinkStream client = openFromClient("s-1");
        client.write(bytes(new byte[] {1, 2, 3}));
        client.close();
        pair.settle();
        LinkStream server = pair.serverEvents.opened.get(0);
        assertEquals(0, pair.serverEvents.receivedOctets(1));
        server.setListener(pair.serverEvents);
        pair.settle();
        assertArrayEquals(new byte[] {1, 2, 3}, pair.serverEvents.receivedBytes(1));
        assertEquals(List.of(new RecordingListener.Closed(1, false, "closed")), pair.serverEvents.closedOf(1));
        assertEquals(List.of(new RecordingListener.Closed(1, false, "closed")), pair.clientEvents.closedOf(1));
    }

    @Test
    void finFromOneSideEndsTheStreamOnBothAfterTheQueuedData() throws Exception {
        pair();
        LinkStream client = openFromClient("s-1");
        LinkStream server = pair.serverEvents.opened.get(0);
        server.write(bytes(random(5_000)));
        client.close();
        pair.settle();
        assertEquals(5_000, pair.clientEvents.receivedOctets(1), "the server's queued octets went before its FIN");
        assertEquals(List.of(new RecordingListener.Closed(1, false, "closed")), pair.clientEvents.closed);
        assertEquals(List.of(new RecordingListener.Closed(1, false, "closed")), pair.serverEvents.closed);
        assertEquals(0, pair.clientLink().activeStreams());
        assertEquals(0, pair.serverLink().activeStreams());
        server.write(bytes(new byte[10]));
        client.close();
        pair.settle();
        assertEquals(1, pair.clientEvents.closed.size(), "onClosed exactly once");
    }

    @Test
    void resetEndsTheStreamAtOnceAndReleasesQueuedData() throws Exception {
        pair();
        pair.serverEvents.consume = false;
        LinkStream client = openFromClient("s-1");
        client.write(bytes(random(3 * WINDOW)));
        pair.settle();
        client.reset("partner went away");
        pair.settle();
        assertEquals(0, ((MuxStream) client).queuedOctets());
        assertEquals(List.of(new RecordingListener.Closed(1, true, "partner went away")), pair.clientEvents.closed);
        assertEquals(List.of(new RecordingListener.Closed(1, true, "partner went away")), pair.serverEvents.closed);
        assertEquals(0, pair.serverLink().activeStreams());
    }

    @Test
    void closeDownEndsTheStreamAtOnceAndThePeerHearsItAsSuch() throws Exception {
        pair();
        pair.serverEvents.consume = false;
        LinkStream client = openFromClient("s-1");
        client.write(bytes(random(3 * WINDOW)));
        pair.settle();
        client.closeDown("relay-client is shutting down");
        pair.settle();
        assertEquals(0, ((MuxStream) client).queuedOctets());
        assertEquals(List.of(new RecordingListener.Closed(1, true, "relay-client is shutting down")),
                pair.clientEvents.closed, "this side's own listener hears a reset");
        assertEquals(List.of(new RecordingListener.Closed(1, true, "relay-client is shutting down")),
                pair.serverEvents.closedDown);
        assertTrue(pair.serverEvents.closed.isEmpty(), "onClosedDown instead of onClosed");
        assertEquals(0, pair.serverLink().activeStreams());
    }

    @Test
    void aListenerThatIgnoresCloseDownHearsAReset() throws Exception {
        pair();
        pair.serverEvents.hearsCloseDown = false;
        LinkStream client = openFromClient("s-1");
        client.closeDown("killed");
        pair.settle();
        assertEquals(List.of(new RecordingListener.Closed(1, true, "killed")), pair.serverEvents.closed);
    }

    @Test
    void refusesStreamsBeyondTheLimit() throws Exception {
        pair();
        for (int i = 0; i < SETTINGS.maxStreams(); i++) {
            openFromClient("s-" + i);
        }
        CompletableFuture<LinkStream> refused = pair.clientLink().openStream(open("s-over"));
        pair.settle();
        ExecutionException e = assertThrows(ExecutionException.class, refused::get);
        assertInstanceOf(LinkException.class, e.getCause());
    }

    @Test
    void peerRefusalFailsTheOpenWithItsReason() throws Exception {
        LinkSettings one = new LinkSettings(SETTINGS.heartbeatInterval(), SETTINGS.heartbeatTimeout(), WINDOW, 1,
                SETTINGS.handshakeTimeout());
        pair = new MuxPair(SETTINGS, one, certificate);
        pair.settle();
        openFromClient("s-0");
        CompletableFuture<LinkStream> refused = pair.clientLink().openStream(open("s-1"));
        pair.settle();
        ExecutionException e = assertThrows(ExecutionException.class, refused::get);
        assertTrue(e.getCause().getMessage().contains("too many streams"), e.getCause().getMessage());
        assertTrue(pair.clientLink().isActive());
    }

    @Test
    void resetsAStreamWhosePeerSendsBeyondItsWindow() throws Exception {
        pair();
        pair.serverEvents.consume = false;
        openFromClient("s-1");
        // Forge what a broken client would send: a window and one more frame.
        for (int sent = 0; sent <= WINDOW; sent += LinkFrame.MAX_DATA) {
            pair.client.writeOutbound(LinkFrame.data(1, 0, Unpooled.wrappedBuffer(new byte[LinkFrame.MAX_DATA])));
        }
        pair.settle();
        assertEquals(WINDOW, pair.serverEvents.receivedOctets(1));
        assertEquals(List.of(new RecordingListener.Closed(1, true, "protocol violation: window exceeded")),
                pair.serverEvents.closed);
        assertEquals(List.of(new RecordingListener.Closed(1, true, "protocol violation: window exceeded")),
                pair.clientEvents.closed);
        assertTrue(pair.serverLink().isActive(), "one stream's violation does not end the link");
    }

    @Test
    void closesTheLinkOnAStreamOpenedWithTheWrongParity() {
        pair();
        ByteBuf syn = StreamOpenCodec.encode(pair.server.alloc(), WINDOW, open("s-1"));
        pair.client.writeOutbound(LinkFrame.data(2, LinkFrame.SYN, syn));
        pair.settle();
        assertFalse(pair.server.isActive());
        assertInstanceOf(LinkException.class, pair.serverEvents.downCause.get());
        assertTrue(pair.serverEvents.opened.isEmpty());
    }

    @Test
    void refusesAStreamWithInvalidMetadataButKeepsTheLink() {
        pair();
        pair.client.writeOutbound(LinkFrame.data(1, LinkFrame.SYN, Unpooled.wrappedBuffer(new byte[] {0, 0, 1})));
        pair.settle();
        assertTrue(pair.server.isActive());
        assertTrue(pair.serverEvents.opened.isEmpty());
    }

    @Test
    void deliversControlMessagesBothWaysAndIgnoresUnknownTypes() {
        pair();
        pair.clientLink().sendControl(ControlMessage.of(ControlType.CONFIG, "{\"version\":1}"));
        pair.serverLink().sendControl(ControlMessage.of(ControlType.CONFIG_RESULT, "{\"applied\":true}"));
        pair.client.writeOutbound(LinkFrame.control(Unpooled.wrappedBuffer(new byte[] {42, 'x'})));
        pair.settle();
        assertEquals(List.of(ControlMessage.of(ControlType.CONFIG, "{\"version\":1}")), pair.serverEvents.controls);
        assertEquals(List.of(ControlMessage.of(ControlType.CONFIG_RESULT, "{\"applied\":true}")),
                pair.clientEvents.controls);
        assertTrue(pair.server.isActive());
    }

    @Test
    void linkLossEndsEveryStreamAndFailsPendingOpens() throws Exception {
        pair();
        Link link = pair.clientLink();
        LinkStream client = openFromClient("s-1");
        client.write(bytes(random(1000)));
        CompletableFuture<LinkStream> pending = link.openStream(open("s-2"));
        pair.client.runPendingTasks();
        pair.client.close();
        assertEquals(List.of(new RecordingListener.Closed(1, true, "link lost")), pair.clientEvents.closed);
        assertTrue(pending.isCompletedExceptionally());
        assertEquals(List.of(link), pair.clientEvents.down);
        assertTrue(link.closeFuture().isDone());
        assertFalse(link.isActive());
        assertEquals(0, link.activeStreams());
    }

    @Test
    void goAwayRefusesNewStreamsAndEndsTheLinkWithoutACause() {
        pair();
        pair.serverLink().close();
        pair.settle();
        CompletableFuture<LinkStream> late = pair.clientLink().openStream(open("s-late"));
        pair.settle();
        assertTrue(late.isCompletedExceptionally());
        pair.client.close();
        assertNull(pair.clientEvents.downCause.get());
        assertNull(pair.serverEvents.downCause.get());
    }

    @Test
    void dropsWritesAfterTheStreamEnded() throws Exception {
        pair();
        LinkStream client = openFromClient("s-1");
        client.reset("done");
        pair.settle();
        client.write(bytes(new byte[100]));
        pair.settle();
        assertEquals(0, ((MuxStream) client).queuedOctets());
        assertEquals(0, pair.serverEvents.receivedOctets(1));
    }
}
