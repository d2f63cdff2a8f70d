package org.portcullis.link.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what one end of the link does with the octets the other sends: frame decoding,
 * stream-open and control payloads, and the multiplexer's handling of every frame (docs/link-protocol.md). In the
 * normal build it fuzzes for a few seconds in its own Surefire run; see relay-link/FUZZING.md.
 */
class LinkFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fuzzLink(byte[] data) {
        new LinkReplay(LinkFuzzInput.decode(data)).run();
    }
}
