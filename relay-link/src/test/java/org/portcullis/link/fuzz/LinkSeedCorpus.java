package org.portcullis.link.fuzz;

import static org.portcullis.link.fuzz.LinkFuzzInput.CLOSE_STREAMS;
import static org.portcullis.link.fuzz.LinkFuzzInput.NO_CREDIT;
import static org.portcullis.link.fuzz.LinkFuzzInput.OPEN_FIRST;
import static org.portcullis.link.fuzz.LinkFuzzInput.SERVER;
import static org.portcullis.link.fuzz.LinkFuzzInput.WRITE_BACK;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.link.frame.ControlCodec;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.LinkFrameEncoder;
import org.portcullis.link.frame.StreamOpenCodec;
import org.portcullis.testkit.FuzzSeeds;

/**
 * The seed corpus: what a well-behaved peer sends in the link's common exchanges, and a few refusals, as fuzz
 * inputs. They are kept under version control in the inputs directory Jazzer reads ({@code <TestClass>Inputs/<method>}
 * next to the test class); {@code LinkSeedCorpusTest} fails when they are stale. Run from the relay-link directory
 * after a change: {@code java -cp ... org.portcullis.link.fuzz.LinkSeedCorpus}.
 */
final class LinkSeedCorpus {
    static final FuzzSeeds FILES = new FuzzSeeds(LinkFuzzTest.class, "fuzzLink");
    private static final int WINDOW = LinkSettings.defaults().streamWindow();
    private static final StreamOpen INCOMING =
            new StreamOpen(StreamKind.INCOMING, "3f2a9c01", "O0013000000PARTNER", null, "192.0.2.7:40312");
    private static final StreamOpen OUTGOING =
            new StreamOpen(StreamKind.OUTGOING, "7b11e0d4", "O0013000000PARTNER", "to-partner", null);

    private LinkSeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        FILES.write(seeds());
    }

    /** Every seed by file name. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        // relay-client opens a partner's session stream on relay-server, sends, ends; heartbeats between.
        seeds.put("incoming-session", LinkFuzzInput.encode(SERVER, wire(
                LinkFrame.data(1, LinkFrame.SYN, StreamOpenCodec.encode(alloc(), WINDOW, INCOMING)),
                LinkFrame.ping(LinkFrame.SYN, 1),
                data(1, 0, 500), data(1, 0, LinkFrame.MAX_DATA), LinkFrame.windowUpdate(1, 0, 32_768),
                data(1, LinkFrame.FIN, 10), LinkFrame.ping(LinkFrame.ACK, 7))));
        // The same, read in odd pieces by an owner that writes back and closes.
        seeds.put("incoming-session-split", LinkFuzzInput.encode(SERVER | 3 << 1 | WRITE_BACK | CLOSE_STREAMS, wire(
                LinkFrame.data(1, LinkFrame.SYN, StreamOpenCodec.encode(alloc(), WINDOW, INCOMING)),
                data(1, 0, 300), LinkFrame.windowUpdate(1, 0, 300), data(1, LinkFrame.FIN, 0))));
        // relay-server accepts relay-client's stream for an outgoing route, answers, resets.
        seeds.put("outgoing-accepted", LinkFuzzInput.encode(OPEN_FIRST, wire(
                LinkFrame.windowUpdate(1, LinkFrame.ACK, WINDOW), data(1, 0, 200),
                LinkFrame.data(1, LinkFrame.RST, text("partner refused")))));
        seeds.put("server-opens", LinkFuzzInput.encode(SERVER | OPEN_FIRST | NO_CREDIT | 1 << 1, wire(
                LinkFrame.windowUpdate(2, LinkFrame.ACK, WINDOW), LinkFrame.windowUpdate(2, 0, 1),
                LinkFrame.data(3, LinkFrame.SYN, StreamOpenCodec.encode(alloc(), WINDOW, OUTGOING)),
                data(3, 0, 100), LinkFrame.windowUpdate(3, LinkFrame.RST, 0))));
        // Control messages both ways, an unknown control type, a GO_AWAY.
        seeds.put("control", LinkFuzzInput.encode(0, wire(
                control(ControlType.CONFIG, "{\"schemaVersion\":1}"), control(ControlType.CONFIG_RESULT, "ok"),
                control(ControlType.CRL_URLS, "http://127.0.0.1/ca.crl"), control(ControlType.EVENT, "{}"),
                LinkFrame.control(Unpooled.wrappedBuffer(new byte[] {9, 1, 2})), LinkFrame.goAway(0))));
        // Refusals: a bad stream open, a stream id of the wrong parity, an unknown version, a CONTROL too long.
        seeds.put("refused-stream-open", LinkFuzzInput.encode(SERVER, wire(
                LinkFrame.data(1, LinkFrame.SYN, Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 7})),
                LinkFrame.data(4, LinkFrame.SYN, StreamOpenCodec.encode(alloc(), WINDOW, INCOMING)))));
        seeds.put("refused-version", LinkFuzzInput.encode(SERVER, new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}));
        seeds.put("refused-control-length", LinkFuzzInput.encode(0,
                new byte[] {0, 4, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80, 0, 2}));
        return seeds;
    }

    private static ByteBufAllocator alloc() {
        return ByteBufAllocator.DEFAULT;
    }

    private static LinkFrame data(int streamId, int flags, int length) {
        byte[] octets = new byte[length];
        for (int i = 0; i < length; i++) {
            octets[i] = (byte) i;
        }
        return LinkFrame.data(streamId, flags, Unpooled.wrappedBuffer(octets));
    }

    private static LinkFrame control(ControlType type, String body) {
        return LinkFrame.control(ControlCodec.encode(new ControlMessage(type, body.getBytes(StandardCharsets.UTF_8))));
    }

    private static ByteBuf text(String reason) {
        return Unpooled.copiedBuffer(reason, StandardCharsets.UTF_8);
    }

    /** The frames as the link's encoder writes them. */
    private static byte[] wire(LinkFrame... frames) {
        EmbeddedChannel encoder = new EmbeddedChannel(new LinkFrameEncoder());
        ByteBuf all = Unpooled.buffer();
        try {
            for (LinkFrame frame : frames) {
                encoder.writeOutbound(frame);
            }
            for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
                all.writeBytes(part);
                part.release();
            }
            return ByteBufUtil.getBytes(all);
        } finally {
            all.release();
            encoder.finishAndReleaseAll();
        }
    }
}
