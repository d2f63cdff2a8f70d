package org.portcullis.link.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkSeedCorpusTest {

    @Test
    void checkedInSeedsMatchTheGenerator() {
        LinkSeedCorpus.FILES.assertCheckedIn(LinkSeedCorpus.seeds(), "LinkSeedCorpus");
    }

    @Test
    void everySeedReplaysWithinTheInvariants() {
        for (byte[] seed : LinkSeedCorpus.seeds().values()) {
            new LinkReplay(LinkFuzzInput.decode(seed)).run();
        }
    }

    @Test
    void aWellBehavedPeersStreamArrivesWhole() {
        LinkReplay.Outcome outcome = new LinkReplay(LinkFuzzInput.decode(LinkSeedCorpus.seeds().get("incoming-session")))
                .run();
        assertEquals(new LinkReplay.Outcome(500 + 16_384 + 10, 0), outcome);
    }

    @Test
    void anUnknownVersionFailsTheLinkWithALinkException() {
        assertEquals(new LinkReplay.Outcome(0, 1),
                new LinkReplay(LinkFuzzInput.decode(LinkSeedCorpus.seeds().get("refused-version"))).run());
    }

    @Test
    void fuzzInputDecodesWhatItEncodes() {
        LinkFuzzInput input = LinkFuzzInput.decode(LinkFuzzInput.encode(
                LinkFuzzInput.SERVER | 2 << 1 | LinkFuzzInput.NO_CREDIT, new byte[] {1, 2}));
        assertTrue(input.server());
        assertEquals(3, input.readSize());
        byte[] large = new byte[64_000];
        large[0] = 1 << 1;
        assertEquals(1000, LinkFuzzInput.decode(large).readSize(), "reads of one octet, but at most 64 reads");
        assertFalse(input.consume());
        assertFalse(input.openFirst());
        assertArrayEquals(new byte[] {1, 2}, input.octets());
        assertEquals(0, LinkFuzzInput.decode(new byte[0]).octets().length);
    }

    @Test
    void aFrameThatNeverCompletesLeavesNothingUnreleased() {
        // DATA on stream 1 declaring 100 octets, of which 2 arrive: held by the decoder until the connection closes.
        new LinkReplay(LinkFuzzInput.decode(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 100, 1, 2})).run();
    }
}
