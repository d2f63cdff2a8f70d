package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fuzz test's seed corpus kept under version control: the inputs directory Jazzer reads ({@code
 * <TestClass>Inputs/<method>/} next to the test class, in the module's test resources), written by a generator and
 * checked against it so that a stale seed fails the build.
 *
 * @param testClass the {@code @FuzzTest} class
 * @param method    its fuzz test method
 */
public record FuzzSeeds(Class<?> testClass, String method) {

    /** The inputs directory as a class path resource, relative to the test class's package. */
    public String resourceDirectory() {
        return testClass.getSimpleName() + "Inputs/" + method + "/";
    }

    /** The inputs directory in the source tree, relative to the module's directory. */
    public Path sourceDirectory() {
        return Path.of("src/test/resources", testClass.getPackageName().replace('.', '/'), resourceDirectory());
    }

    /** Writes every seed (file name to octets) into the source tree; run from the module's directory. */
    public void write(Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(sourceDirectory());
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(sourceDirectory().resolve(seed.getKey()), seed.getValue());
        }
    }

    /** The checked-in octets of a seed, or {@code null} if the file is missing. */
    public byte[] checkedIn(String name) {
        try (InputStream in = testClass.getResourceAsStream(resourceDirectory() + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless every seed is checked in as the generator makes it; {@code generator} names what to run. */
    public void assertCheckedIn(Map<String, byte[]> seeds, String generator) {
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            byte[] checkedIn = checkedIn(seed.getKey());
            assertNotNull(checkedIn, seed.getKey() + " is missing: run " + generator + " from the module's directory");
            assertArrayEquals(seed.getValue(), checkedIn, seed.getKey() + " is stale: run " + generator + " again");
        }
    }
}
