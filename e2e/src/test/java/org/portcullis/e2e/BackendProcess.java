package org.portcullis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.portcullis.config.RelayConfig;
import org.portcullis.testkit.PemFiles;

/**
 * backend-api as an operator runs it, from its runnable jar: the relay's configuration imported and a token made
 * with its admin commands ({@code config import}, {@code token create}), then {@code backend-api serve} on loopback,
 * which can be killed and started again on the port it had, with its data folder. relay-client pulls from it with
 * {@link #clientArguments}.
 */
final class BackendProcess {
    private static final Pattern LISTENING = Pattern.compile("API listening on https://127\\.0\\.0\\.1:(\\d+)");
    /** A poll every second when the backend does not hold it: a long outage is a few seconds. */
    private static final String POLL_INTERVAL = "1s";

    private final RelayPath relay;
    private final Path folder;
    private final Path data;
    private final PemFiles tls;
    private final Path token;
    private int port;
    private int runs;
    private DaemonProcess serving;

    private BackendProcess(RelayPath relay, Path folder, PemFiles tls, Path token) {
        this.relay = relay;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.tls = tls;
        this.token = token;
    }

    /** Imports {@code config} into a new data folder and makes relay-client's token; serves nothing yet. */
    static BackendProcess setUp(RelayPath relay, RelayConfig config) throws InterruptedException {
        Path folder = relay.folder("backend");
        Path document = TestConfig.write(folder.resolve("relay.json"), config);
        BackendProcess backend = new BackendProcess(relay, folder, relay.pki().write(relay.pki().server(),
                "backend"), folder.resolve("token"));
        backend.admin(List.of("config", "import", document.toString()), folder.resolve("import.out"));
        backend.admin(List.of("token", "create", "chaos"), backend.token);
        return backend;
    }

    /** {@code backend-api serve}: on a free port the first time, then on the same port; waits until it listens. */
    void start() {
        runs++;
        serving = relay.closeAfterwards(DaemonProcess.start("backend-api.jar", folder.resolve("serve-" + runs
                + ".log"), List.of("serve", "--data", data.toString(), "--cert", tls.certificateChain().toString(),
                "--key", tls.privateKey().toString(), "--listen", "127.0.0.1:" + port)));
        port = Integer.parseInt(serving.awaitLog(LISTENING, RelayPath.TIMEOUT));
    }

    /** kill -9 of the serving process. */
    void kill() throws InterruptedException {
        serving.kill();
    }

    /**
     * relay-client's options to pull from this backend with its token, trusting the run's CA, without proxy
     * discovery, polling every second without long polls.
     */
    List<String> clientArguments() {
        return List.of("-U", url(), "-T", "@" + token, "--backend-ca", tls.caCertificate().toString(),
                "--state-file", folder.resolve("proxy-route.properties").toString(), "--poll-interval", POLL_INTERVAL,
                "--long-poll", "0");
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    /** Runs an admin command of the jar on the data folder, its standard output to {@code out}. */
    private void admin(List<String> command, Path out) throws InterruptedException {
        String jar = System.getProperty("backend-api.jar");
        List<String> line = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        line.addAll(command);
        line.addAll(List.of("--data", data.toString()));
        Path err = folder.resolve(command.get(0) + ".err");
        try {
            Process process = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            Duration timeout = RelayPath.TIMEOUT;
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("backend-api " + String.join(" ", command) + " failed:\n"
                        + Files.readString(err));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run backend-api " + command, e);
        }
    }
}
