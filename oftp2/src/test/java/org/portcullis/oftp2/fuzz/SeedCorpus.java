package org.portcullis.oftp2.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed corpus into the inputs directory Jazzer reads ({@code <TestClass>Inputs/<method>} next
 * to the test class), where it is kept under version control. Run from the module directory after
 * changing {@link SeedSessions}: {@code java -cp ... org.portcullis.oftp2.fuzz.SeedCorpus}.
 */
final class SeedCorpus {
    /** The inputs directory as a class path resource, relative to this package. */
    static final String RESOURCE_DIRECTORY = "OftpFuzzTestInputs/fuzzSession/";
    private static final Path SOURCE_DIRECTORY =
            Path.of("src/test/resources/org/portcullis/oftp2/fuzz").resolve(RESOURCE_DIRECTORY);

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(SOURCE_DIRECTORY);
        for (SeedSessions.Seed seed : SeedSessions.all()) {
            Files.write(SOURCE_DIRECTORY.resolve(seed.name()), seed.input());
        }
    }

    /** The checked-in octets of a seed, or {@code null} if the file is missing. */
    static byte[] checkedIn(String name) {
        try (InputStream in = SeedCorpus.class.getResourceAsStream(RESOURCE_DIRECTORY + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
