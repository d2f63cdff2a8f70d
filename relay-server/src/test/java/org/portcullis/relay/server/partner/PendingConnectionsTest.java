package org.portcullis.relay.server.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.portcullis.relay.server.partner.PendingConnections.Verdict;

class PendingConnectionsTest {
    private static final InetAddress A = InetAddress.getLoopbackAddress();
    private static final InetAddress B = address(2);
    private static final InetAddress C = address(3);

    private final PendingConnections pending = new PendingConnections();

    @Test
    void holdsUpToThePerSourceLimitOfOneSource() {
        assertEquals(Verdict.HELD, pending.hold(A, 2, 10));
        assertEquals(Verdict.HELD, pending.hold(A, 2, 10));
        assertEquals(Verdict.SOURCE_FULL, pending.hold(A, 2, 10));
        assertEquals(Verdict.HELD, pending.hold(B, 2, 10), "another source is not held back");
        assertEquals(3, pending.total());
    }

    @Test
    void holdsUpToTheTotalLimitOfAllSources() {
        assertEquals(Verdict.HELD, pending.hold(A, 5, 2));
        assertEquals(Verdict.HELD, pending.hold(B, 5, 2));
        assertEquals(Verdict.TOTAL_FULL, pending.hold(C, 5, 2));
        assertEquals(2, pending.total());
    }

    @Test
    void releasedPlacesAreFreeAgainAndQuietSourcesForgotten() {
        pending.hold(A, 1, 1);
        assertEquals(Verdict.TOTAL_FULL, pending.hold(B, 1, 1));
        pending.release(A);
        assertEquals(0, pending.total());
        assertEquals(0, pending.sources());
        assertEquals(Verdict.HELD, pending.hold(B, 1, 1));
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
