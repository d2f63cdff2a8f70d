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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portcullis.testkit.Await;

/**
 * A daemon as an operator starts it: {@code java -jar} of its runnable jar (built by {@code package} before the
 * ITs run), its console (stdout and stderr) in a log file.
 */
final class DaemonProcess implements AutoCloseable {
    /** How long a stopped or killed daemon may take to exit. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);
    /** Each daemon JVM stays small: several run beside the tests on a two-core machine. */
    private static final String HEAP = "-Xmx256m";

    private final String name;
    private final Process process;
    private final Path console;

    private DaemonProcess(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
    }

    /**
     * Starts the jar named by the system property {@code jarProperty} (set by the pom) with {@code arguments}.
     *
     * @param console where its output goes
     */
    static DaemonProcess start(String jarProperty, Path console, List<String> arguments) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no runnable jar at " + jar + " (system property " + jarProperty
                    + "): run the ITs through mvn verify, which builds it first");
        }
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-jar", jar));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(console.toFile()).start();
            return new DaemonProcess(Path.of(jar).getFileName().toString(), process, console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** The process ID, for {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the daemon gets no chance to say goodbye; the kernel closes its sockets. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not die of SIGKILL within " + EXIT_WAIT);
        }
    }

    /**
     * Waits for the daemon to log a line {@code pattern} finds, and returns the pattern's first group (a port it
     * bound, say): the way an operator learns what a daemon started with port 0 chose.
     */
    String awaitLog(Pattern pattern, Duration timeout) {
        Await.until(() -> pattern.matcher(console()).find() || !process.isAlive(), timeout,
                name + " to log " + pattern);
        Matcher matcher = pattern.matcher(console());
        if (!matcher.find()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " before logging " + pattern
                    + ":\n" + console());
        }
        return matcher.group(1);
    }

    /** Waits for the daemon to exit and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + ":\n" + console());
        }
        return process.exitValue();
    }

    /** What the daemon logged so far. */
    String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as systemd stops it; SIGKILL if it does not exit in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
