package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.license.License;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.ProxyId;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * The shaded jar prints this host's Proxy ID, starts on its own with a license for it, listens for the link, and
 * stops cleanly on SIGTERM.
 */
@Timeout(60)
class RunnableJarIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void runnableJarListensForTheLinkAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        PemFiles link = PKI.write(PKI.server(), "link-server");
        Path license = license(dir, proxyId(dir));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(java(), "-jar", System.getProperty("runnable.jar"),
                "-i", "127.0.0.1:0", "--link-cert", link.certificateChain().toString(), "--link-key",
                link.privateKey().toString(), "--link-ca", link.caCertificate().toString(), "-l", license.toString(),
                "--license-trust", dir.resolve("vendor.pub").toString(), "--pid-file",
                dir.resolve("relay-server.pid").toString())
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
        assertTrue(text.contains("license " + license + ": valid for ACME Logistics GmbH through "), text);
        assertFalse(text.contains("ERROR"), text);
    }

    /** {@code -L} from the jar (Bouncy Castle inside): this host's Proxy ID, the same on a second run. */
    private static ProxyId proxyId(Path dir) throws IOException, InterruptedException {
        String first = runForOutput(dir, "-L");
        assertEquals(first, runForOutput(dir, "-L"));
        return ProxyId.parse(first.strip());
    }

    private static String runForOutput(Path dir, String... args) throws IOException, InterruptedException {
        Path output = dir.resolve("proxy-id.txt");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", System.getProperty("runnable.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "relay-server -L did not end");
        assertEquals(0, process.exitValue(), () -> "relay-server -L needs a machine ID on this host (as"
                + " systemd-machine-id-setup writes it): " + read(output));
        return read(output);
    }

    /** A license for the host, from a month ago to a year from today, signed by a key made here (vendor.pub). */
    private static Path license(Path dir, ProxyId host) throws IOException {
        KeyPair keys = LicenseKeys.generate();
        LicenseKeys.write(keys, dir.resolve("vendor.key"), dir.resolve("vendor.pub"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        License license = License.of("ACME Logistics GmbH", host, today.minusMonths(1), today.plusYears(1));
        return Files.writeString(dir.resolve("license.txt"), LicenseFile.sign(license, keys.getPrivate()).text());
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
