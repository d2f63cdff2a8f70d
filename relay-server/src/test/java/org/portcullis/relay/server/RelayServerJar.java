package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.portcullis.license.License;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.ProxyId;

/** relay-server's runnable jar (built by package before the ITs) as a process, with a license for this host. */
final class RelayServerJar implements AutoCloseable {
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path output;

    private RelayServerJar(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the jar with {@code arguments}; its stdout and stderr go to {@code output}. */
    static RelayServerJar start(Path output, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-jar", System.getProperty("runnable.jar")));
        command.addAll(arguments);
        return new RelayServerJar(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start(), output);
    }

    /**
     * A license for this host's Proxy ID (from {@code -L}), valid from a month ago to a year from today, signed by
     * a key made here: the options {@code -l} and {@code --license-trust} for it.
     */
    static List<String> licenseOptions(Path dir) throws IOException, InterruptedException {
        Path printed = dir.resolve("proxy-id.txt");
        Process query = new ProcessBuilder(java(), "-jar", System.getProperty("runnable.jar"), "-L")
                .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        assertTrue(query.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "relay-server -L did not end");
        assertEquals(0, query.exitValue(), () -> read(printed));
        ProxyId host = ProxyId.parse(read(printed).strip());
        KeyPair keys = LicenseKeys.generate();
        LicenseKeys.write(keys, dir.resolve("vendor.key"), dir.resolve("vendor.pub"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        License license = License.of("ACME Logistics GmbH", host, today.minusMonths(1), today.plusYears(1));
        Path file = Files.writeString(dir.resolve("license.txt"), LicenseFile.sign(license, keys.getPrivate()).text());
        return List.of("-l", file.toString(), "--license-trust", dir.resolve("vendor.pub").toString());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd stops it. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("relay-server did not exit within " + EXIT_TIMEOUT + ":\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        return read(output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
