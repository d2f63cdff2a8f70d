package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InsideStreamReplayTest {

    @Test
    void checkedInSeedsMatchTheGenerator() {
        for (Map.Entry<String, byte[]> seed : InsideStreamSeeds.seeds().entrySet()) {
            byte[] checkedIn = InsideStreamSeeds.checkedIn(seed.getKey());
            assertNotNull(checkedIn, seed.getKey() + " is missing: run InsideStreamSeeds from relay-server");
            assertArrayEquals(seed.getValue(), checkedIn, seed.getKey() + " is stale: run InsideStreamSeeds again");
        }
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
