package org.portcullis.benchmarks.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The heap reading of ops/bench's memory rows, against this test's own JVM and the collectors' formats. */
@Timeout(120)
class ProcessMemoryTest {
    private static final int HELD_MIB = 64;

    @Test
    void theHeapInUseAfterACollectionCountsWhatThisJvmHolds() throws Exception {
        byte[] held = new byte[HELD_MIB << 20];
        long pid = ProcessHandle.current().pid();

        long usedKib = ProcessMemory.heapUsedAfterGcKib(pid);

        assertTrue(usedKib >= HELD_MIB * 1024L, "heap in use " + usedKib + " KiB while " + HELD_MIB + " MiB are held");
        assertEquals(HELD_MIB << 20, held.length);
    }

    @Test
    void serialAndParallelGenerationsAreAddedUp() throws IOException {
        String serial = """
                 def new generation   total 116224K, used 1444K [0x0000000687400000, 0x000000068f210000)
                  eden space 103360K,   1% used [0x0000000687400000, 0x000000068d041648)
                  from space 12864K,   0% used [0x000000068e580000, 0x000000068e593af8)
                 tenured generation   total 258048K, used 76929K [0x0000000704d50000, 0x0000000714950000)
                   the space 258048K,  29% used [0x0000000704d50000, 0x00000007098704a8)
                 Metaspace       used 28030K, committed 28416K, reserved 1114112K
                """;

        assertEquals(1444 + 76929, ProcessMemory.heapUsedKib(1, serial));
    }

    @Test
    void g1PrintsOneLineForTheWholeHeap() throws IOException {
        String g1 = """
                 garbage-first heap   total 262144K, used 78123K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 28030K, committed 28416K, reserved 1114112K
                """;

        assertEquals(78123, ProcessMemory.heapUsedKib(1, g1));
    }

    @Test
    void outputWithoutAHeapLineIsAnError() {
        assertThrows(IOException.class, () -> ProcessMemory.heapUsedKib(1, "1: no such process"));
    }
}
