package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.link.mux.MuxStream;
import org.portcullis.testkit.Await;

/** Streams and control messages over a real TLS link on loopback. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LinkTransferIT {
    private static final long FIFTY_MIB = 50L * 1024 * 1024;
    private static final int WINDOW = LinkFixture.SETTINGS.streamWindow();

    @RegisterExtension
    final LinkFixture fixture = new LinkFixture();

    private static StreamOpen open(StreamKind kind, String sessionId) {
        return new StreamOpen(kind, sessionId, "O0013000000ACME", kind == StreamKind.OUTGOING ? "acme" : null,
                "192.0.2.7:6619");
    }

    private Link[] connect(LinkEvents serverEvents, LinkEvents clientEvents) throws Exception {
        LinkFixture.Bound server = fixture.startServer(serverEvents);
        fixture.startConnector(server.address(), fixture.clientCredentials(), clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && !clientEvents.up.isEmpty(), LinkFixture.WAIT, "link up");
        return new Link[] {clientEvents.lastUp(), serverEvents.lastUp()};
    }

    @Test
    void carriesFiftyMibEachWayByteIdenticalWithinTheWindows() throws Exception {
        TransferEnd serverReceiver = TransferEnd.receiver();
        TransferEnd clientReceiver = TransferEnd.receiver();
        LinkEvents serverEvents = new LinkEvents().onStream((link, stream) -> serverReceiver.attach(stream));
        LinkEvents clientEvents = new LinkEvents().onStream((link, stream) -> clientReceiver.attach(stream));
        Link[] links = connect(serverEvents, clientEvents);

        LinkStream outgoing = links[0].openStream(open(StreamKind.OUTGOING, "s-out")).get(10, TimeUnit.SECONDS);
        LinkStream incoming = links[1].openStream(open(StreamKind.INCOMING, "s-in")).get(10, TimeUnit.SECONDS);
        assertEquals(1, outgoing.id() % 2, "the client opens odd ids");
        assertEquals(0, incoming.id() % 2, "the server opens even ids");
        TransferEnd clientSender = new TransferEnd(FIFTY_MIB, 1, false).attach(outgoing);
        TransferEnd serverSender = new TransferEnd(FIFTY_MIB, 2, false).attach(incoming);

        TransferEnd.Result up = serverReceiver.done().get(150, TimeUnit.SECONDS);
        TransferEnd.Result down = clientReceiver.done().get(150, TimeUnit.SECONDS);
        assertFalse(up.reset(), up.reason());
        assertFalse(down.reset(), down.reason());
        assertEquals(FIFTY_MIB, up.received());
        assertEquals(FIFTY_MIB, down.received());
        assertEquals(clientSender.sentSha256(), up.receivedSha256());
        assertEquals(serverSender.sentSha256(), down.receivedSha256());
        assertTrue(serverReceiver.peakUnconsumed() <= WINDOW, "unconsumed " + serverReceiver.peakUnconsumed());
        assertTrue(clientSender.peakQueued() <= WINDOW, "queued " + clientSender.peakQueued());
        assertTrue(serverSender.peakQueued() <= WINDOW, "queued " + serverSender.peakQueued());
        Await.until(() -> links[0].activeStreams() == 0 && links[1].activeStreams() == 0, LinkFixture.WAIT,
                "both streams ended");
    }

    @Test
    void aStalledStreamDoesNotStallAnotherAndStaysWithinItsWindow() throws Exception {
        TransferEnd stalled = TransferEnd.stalledReceiver();
        TransferEnd flowing = TransferEnd.receiver();
        LinkEvents serverEvents = new LinkEvents().onStream((link, stream) ->
                (stream.open().sessionId().equals("s-stalled") ? stalled : flowing).attach(stream));
        Link[] links = connect(serverEvents, new LinkEvents());

        LinkStream first = links[0].openStream(open(StreamKind.OUTGOING, "s-stalled")).get(10, TimeUnit.SECONDS);
        LinkStream second = links[0].openStream(open(StreamKind.OUTGOING, "s-flowing")).get(10, TimeUnit.SECONDS);
        TransferEnd stalledSender = new TransferEnd(FIFTY_MIB, 3, false).attach(first);
        TransferEnd flowingSender = new TransferEnd(20L * 1024 * 1024, 4, false).attach(second);

        TransferEnd.Result result = flowing.done().get(120, TimeUnit.SECONDS);
        assertEquals(flowingSender.sentSha256(), result.receivedSha256());
        Await.until(() -> stalled.received() == WINDOW, LinkFixture.WAIT, "the stalled stream's window filled");
        assertFalse(first.isWritable(), "the stalled stream pushes back on its writer");
        assertTrue(stalled.peakUnconsumed() <= WINDOW, "unconsumed " + stalled.peakUnconsumed());
        assertTrue(stalledSender.peakQueued() <= WINDOW, "queued " + stalledSender.peakQueued());
        assertTrue(stalledSender.sent() <= 2L * WINDOW, "the writer stopped: sent " + stalledSender.sent());

        first.reset("test over");
        TransferEnd.Result reset = stalled.done().get(10, TimeUnit.SECONDS);
        assertTrue(reset.reset());
        assertEquals("test over", reset.reason());
        // The reset releases the queue on the link's event loop, which may come after the far end saw the reset.
        Await.until(() -> ((MuxStream) first).queuedOctets() == 0, LinkFixture.WAIT, "queued data released");
    }

    @Test
    void carriesControlMessagesBothWaysIncludingAFiveMibOne() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        Link[] links = connect(serverEvents, clientEvents);
        byte[] configuration = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(configuration);

        links[0].sendControl(new ControlMessage(ControlType.CONFIG, configuration));
        links[0].sendControl(ControlMessage.of(ControlType.EVENT, "{\"event\":\"started\"}"));
        links[1].sendControl(ControlMessage.of(ControlType.CONFIG_RESULT, "{\"applied\":true}"));
        links[1].sendControl(ControlMessage.of(ControlType.CRL_URLS, "[\"http://crl.example/ca.crl\"]"));

        Await.until(() -> serverEvents.controls.size() == 2 && clientEvents.controls.size() == 2, LinkFixture.WAIT,
                "four control messages");
        assertEquals(ControlType.CONFIG, serverEvents.controls.get(0).type());
        assertArrayEquals(configuration, serverEvents.controls.get(0).body());
        assertEquals(ControlMessage.of(ControlType.EVENT, "{\"event\":\"started\"}"), serverEvents.controls.get(1));
        assertEquals(List.of(ControlMessage.of(ControlType.CONFIG_RESULT, "{\"applied\":true}"),
                ControlMessage.of(ControlType.CRL_URLS, "[\"http://crl.example/ca.crl\"]")), clientEvents.controls);
    }
}
