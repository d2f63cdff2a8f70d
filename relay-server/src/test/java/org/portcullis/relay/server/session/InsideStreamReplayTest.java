package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InsideStreamReplayTest {

    @Test
    void checkedInSeedsMatchTheGenerator() {
        InsideStreamSeeds.FILES.assertCheckedIn(InsideStreamSeeds.seeds(), "InsideStreamSeeds");
    }

    @Test
    void theInsidesSsidPassesInAnyChunks() {
        assertEquals(1, new InsideStreamReplay(InsideStreamSeeds.seeds().get("ssid")).run());
        assertEquals(1, new InsideStreamReplay(InsideStreamSeeds.seeds().get("ssid-in-threes")).run());
    }

    @Test
    void anEsidBeforeThePartnerSpokeEndsTheReplayAtTheFault() {
        assertEquals(1, new InsideStreamReplay(InsideStreamSeeds.seeds().get("ssid-then-esid")).run());
    }

    @Test
    void aSecondSsidEndsTheReplayAtTheFault() {
        assertEquals(1, new InsideStreamReplay(InsideStreamSeeds.seeds().get("ssid-twice")).run());
    }

    @Test
    void garbageIsAFaultNotAFinding() {
        assertEquals(0, new InsideStreamReplay(new byte[] {0, 0x11, 0, 0, 5, 'X'}).run());
    }
}
