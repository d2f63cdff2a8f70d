package org.portcullis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.portcullis.testkit.Await;

/**
 * Debian's tinyproxy as an egress proxy on loopback ({@code tinyproxy -d -c FILE}, package tinyproxy-bin, which
 * {@code .ci/run} installs), killed and started again on its port. tinyproxy cannot listen on port 0 and tell which
 * port it took, so a free port is picked first; when another program takes it meanwhile, tinyproxy exits and the
 * next free port is tried.
 */
final class Tinyproxy implements AutoCloseable {
    private static final int TRIES = 5;

    private final Path folder;
    private final String name;
    private final int port;
    private Process process;
    private int runs;

    private Tinyproxy(Path folder, String name, int port) {
        this.folder = folder;
        this.name = name;
        this.port = port;
    }

    /** Starts tinyproxy on a free loopback port; waits until it listens. */
    static Tinyproxy start(Path folder, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Tinyproxy proxy = new Tinyproxy(folder, name, freePort());
            if (proxy.run() || attempt == TRIES) {
                if (!proxy.process.isAlive()) {
                    throw new AssertionError("tinyproxy did not start:\n" + proxy.log());
                }
                return proxy;
            }
        }
    }

    int port() {
        return port;
    }

    /** The proxy's URL for relay-client's {@code --proxy}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** kill -9: gone without a word, its port closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("tinyproxy " + name + " did not die of SIGKILL");
        }
    }

    /** Starts it again on its port; waits until it listens. */
    void restart() throws IOException {
        if (!run()) {
            throw new AssertionError("tinyproxy " + name + " did not start again on port " + port + ":\n" + log());
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Starts the process; true once it listens, false when it exited first. */
    private boolean run() throws IOException {
        runs++;
        Path conf = Files.writeString(folder.resolve(name + ".conf"), String.join("\n", List.of("Port " + port,
                "Listen 127.0.0.1", "Allow 127.0.0.1", "Timeout 10", "MaxClients 20", "LogLevel Info", "")));
        try {
            process = new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve(name + "-" + runs + ".log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("tinyproxy is not installed (Debian package tinyproxy-bin; .ci/run installs "
                    + "it)", e);
        }
        Await.until(() -> listening() || !process.isAlive(), RelayPath.TIMEOUT, "tinyproxy " + name + " to listen");
        return process.isAlive();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(folder.resolve(name + "-" + runs + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
