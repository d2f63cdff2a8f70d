package org.portcullis.oftp2.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeedCorpusTest {

    @Test
    void checkedInSeedsMatchTheGenerator() {
        SeedCorpus.FILES.assertCheckedIn(SeedCorpus.seeds(), "SeedCorpus");
    }

    @Test
    void fuzzInputDecodesWhatItEncodes() {
        byte[] stream = {0x10, 0, 0, 5, 'R'};
        FuzzInput input = FuzzInput.decode(FuzzInput.encode(SeedSessions.LENIENT | SeedSessions.ODD_READS,
                new boolean[] {false, true, true}, stream));
        assertEquals(org.portcullis.oftp2.command.ParseMode.LENIENT, input.mode());
        assertEquals(17, input.readSize());
        assertEquals(100_003, input.maxFrameLength());
        assertArrayEquals(stream, input.stream());
        assertEquals(false, input.sentByResponder(0));
        assertEquals(true, input.sentByResponder(1));
        assertEquals(true, input.sentByResponder(9), "after the last bit the sender stays the same");
    }

    @Test
    void anyOctetsAreAFuzzInput() {
        assertEquals(0, FuzzInput.decode(new byte[0]).stream().length);
        assertEquals(0, FuzzInput.decode(new byte[] {(byte) 0xFF, (byte) 0xFF, 1}).stream().length);
    }
}
