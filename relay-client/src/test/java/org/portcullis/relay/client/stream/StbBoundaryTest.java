package org.portcullis.relay.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.relay.client.OftpFrames;

class StbBoundaryTest {
    private static final byte[] SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000INSIDE")
            .password("SECRET2").build());
    private static final byte[] ESID = OftpFrames.frame(Esid.normal());

    private final StbBoundary boundary = new StbBoundary();

    private void pass(byte[] octets, int from, int to) {
        ByteBuf buffer = Unpooled.wrappedBuffer(octets, from, to - from);
        int reader = buffer.readerIndex();
        boundary.pass(buffer);
        assertEquals(reader, buffer.readerIndex(), "nothing is consumed");
    }

    @Test
    void isAtABoundaryBeforeAnythingAndAfterWholeFrames() {
        assertTrue(boundary.atBoundary());
        pass(SSID, 0, SSID.length);
        assertTrue(boundary.atBoundary());
        byte[] two = new byte[SSID.length + ESID.length];
        System.arraycopy(SSID, 0, two, 0, SSID.length);
        System.arraycopy(ESID, 0, two, SSID.length, ESID.length);
        pass(two, 0, two.length);
        assertTrue(boundary.atBoundary());
    }

    @Test
    void followsFramesSplitAnywhereEvenInsideTheirHeader() {
        for (int split = 1; split < SSID.length; split++) {
            StbBoundary fresh = new StbBoundary();
            fresh.pass(Unpooled.wrappedBuffer(SSID, 0, split));
            assertFalse(fresh.atBoundary(), "split at " + split);
            fresh.pass(Unpooled.wrappedBuffer(SSID, split, SSID.length - split));
            assertTrue(fresh.atBoundary(), "split at " + split);
        }
    }

    @Test
    void octetByOctetToo() {
        for (int i = 0; i < SSID.length; i++) {
            pass(SSID, i, i + 1);
        }
        assertTrue(boundary.atBoundary());
    }

    @Test
    void aHeaderTooShortForAFrameIsNeverABoundaryAgain() {
        pass(new byte[] {0x10, 0, 0, 2}, 0, 4);
        assertFalse(boundary.atBoundary());
        pass(SSID, 0, SSID.length);
        assertFalse(boundary.atBoundary());
    }
}
