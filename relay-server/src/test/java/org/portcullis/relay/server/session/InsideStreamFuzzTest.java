package org.portcullis.relay.server.session;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of relay-server's own reading of OFTP2: the octets the inside daemon sends, framed by
 * {@link StbFrameAccumulator} and checked by {@link SessionInspector} (the partner's side goes through oftp2's
 * decoders, fuzzed in that module). In the normal build it fuzzes for a few seconds in its own Surefire run; see
 * oftp2/FUZZING.md.
 */
class InsideStreamFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fuzzInsideStream(byte[] data) {
        new InsideStreamReplay(data).run();
    }
}
