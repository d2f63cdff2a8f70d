package org.portcullis.oftp2.fuzz;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.portcullis.testkit.FuzzSeeds;

/**
 * Writes the seed corpus into the inputs directory Jazzer reads ({@code <TestClass>Inputs/<method>} next
 * to the test class), where it is kept under version control. Run from the module directory after
 * changing {@link SeedSessions}: {@code java -cp ... org.portcullis.oftp2.fuzz.SeedCorpus}.
 */
final class SeedCorpus {
    static final FuzzSeeds FILES = new FuzzSeeds(OftpFuzzTest.class, "fuzzSession");

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        FILES.write(seeds());
    }

    /** Every seed session as a fuzz input, by file name. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (SeedSessions.Seed seed : SeedSessions.all()) {
            seeds.put(seed.name(), seed.input());
        }
        return seeds;
    }
}
