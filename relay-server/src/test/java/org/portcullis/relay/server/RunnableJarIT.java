package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** The shaded jar starts on its own, listens for the link, and stops cleanly on SIGTERM. */
@Timeout(60)
class RunnableJarIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void runnableJarListensForTheLinkAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        PemFiles link = PKI.write(PKI.server(), "link-server");
        Path output = dir.resolve("output.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", System.getProperty("runnable.jar"),
                "-i", "127.0.0.1:0", "--link-cert", link.certificateChain().toString(), "--link-key",
                link.privateKey().toString(), "--link-ca", link.caCertificate().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Await.until(() -> read(output).contains("link listening on 127.0.0.1:") || !process.isAlive(),
                    START_TIMEOUT, "relay-server to listen for the link");
            assertTrue(process.isAlive(), () -> read(output));
        } finally {
            process.destroy();
        }
        assertTrue(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "relay-server did not stop");
        String text = read(output);
        assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\dT[^ ]+ INFO  o\\.p\\.r\\.s\\.RelayServerMain - relay-server .*"),
                text);
        assertTrue(text.contains("relay-server stopped"), text);
        assertFalse(text.contains("ERROR"), text);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
