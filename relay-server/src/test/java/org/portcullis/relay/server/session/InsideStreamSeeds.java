package org.portcullis.relay.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.testkit.FuzzSeeds;

/**
 * The seed corpus of {@link InsideStreamFuzzTest}: the inside's answers in an incoming session, checked in next to
 * the test class ({@code InsideStreamFuzzTestInputs/fuzzInsideStream}); {@code InsideStreamReplayTest} fails when
 * they are stale. Run from the relay-server directory after a change.
 */
final class InsideStreamSeeds {
    static final FuzzSeeds FILES = new FuzzSeeds(InsideStreamFuzzTest.class, "fuzzInsideStream");
    private static final Ssid INSIDE_SSID = Ssid.builder().odetteId("O0013000000INSIDE").bufferSize(2048).build();

    private InsideStreamSeeds() {
    }

    public static void main(String[] args) throws IOException {
        FILES.write(seeds());
    }

    /** Every seed by file name; octet 0 is the chunk size class. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("ssid", input(0, INSIDE_SSID));
        seeds.put("ssid-in-threes", input(3, INSIDE_SSID));
        seeds.put("ssid-then-esid", input(0, INSIDE_SSID, Esid.normal()));
        seeds.put("ssid-twice", input(1, INSIDE_SSID, INSIDE_SSID));
        return seeds;
    }

    private static byte[] input(int readSizeClass, OftpCommand... commands) {
        ByteBuf all = Unpooled.buffer().writeByte(readSizeClass);
        try {
            for (OftpCommand command : commands) {
                ByteBuf frame = StbFrames.encode(ByteBufAllocator.DEFAULT, command);
                all.writeBytes(frame);
                frame.release();
            }
            return ByteBufUtil.getBytes(all);
        } finally {
            all.release();
        }
    }
}
