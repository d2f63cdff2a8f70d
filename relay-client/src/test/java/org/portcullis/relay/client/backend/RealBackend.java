package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.backend.BackendApiMain;
import org.portcullis.backend.BackendService;
import org.portcullis.backend.ServiceSettings;
import org.portcullis.backend.http.ApiSettings;
import org.portcullis.backend.store.StoreSettings;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/**
 * The real backend-api per test, in-JVM: a data folder in a temporary directory, the service on 127.0.0.1:0 with a
 * TestPki certificate, behind a {@link TcpFront} whose address stays the same when the service is stopped and
 * started again; its admin commands run in-JVM on the same data folder.
 */
final class RealBackend implements BeforeEachCallback, AfterEachCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestPki pki;
    private Path folder;
    private PemFiles apiFiles;
    private BackendService service;
    private TcpFront front;

    RealBackend(TestPki pki) {
        this.pki = pki;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("relay-client-backend-");
        apiFiles = pki.write(pki.server(), "backend-api-" + COUNTER.incrementAndGet());
        start();
        front = new TcpFront(service.address());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (front != null) {
            front.close();
        }
        stop();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Starts the service (again) on the data folder; the front forwards to it. */
    void start() throws InterruptedException {
        ApiSettings api = ApiSettings.of(new InetSocketAddress("127.0.0.1", 0), apiFiles.certificateChain(),
                apiFiles.privateKey());
        service = BackendService.start(ServiceSettings.of(StoreSettings.inFolder(folder.resolve("data")), api));
        if (front != null) {
            front.forwardTo(service.address());
        }
    }

    /** Stops the service: the front's connections find nobody behind it. */
    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    BackendService service() {
        return service;
    }

    TcpFront front() {
        return front;
    }

    /** {@code -U} of a relay-client: the front's address with the name the test certificate carries. */
    String url() {
        return "https://localhost:" + front.address().getPort();
    }

    /** Runs an admin command that must succeed; returns what it printed. */
    String admin(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(folder.resolve("data").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new BackendApiMain(new ByteArrayInputStream(new byte[0])))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(arguments.toArray(String[]::new));
        assertEquals(0, code, () -> String.join(" ", args) + ": " + err);
        return out.toString();
    }

    /** A new relay token. */
    String createToken(String name) {
        return admin("token", "create", name).strip();
    }

    /**
     * The least a valid document needs: a partner listener on a free loopback port, the inside daemon, relay-server's
     * identity and the test CA.
     */
    void minimalConfiguration() {
        PemFiles relay = pki.write(pki.server(), "relay-identity-" + COUNTER.incrementAndGet());
        admin("listener", "add", "127.0.0.1:0");
        admin("inside", "set", "127.0.0.1:3305");
        admin("identity", "import", "server", "--cert", relay.certificateChain().toString(), "--key",
                relay.privateKey().toString());
        admin("ca", "add", pki.writeCa().toString());
    }

    /** An event script that appends {@code RELAY|SEVERITY|TIME|MESSAGE} per event to {@code output}. */
    void recordEventsIn(Path output) throws IOException {
        Path script = folder.resolve("record-event.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s|%s|%s\\n' \"$2\" \"$1\" \"$3\" \"$4\" >> '" + output
                + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        admin("event-script", "set", script.toString());
    }
}
