package org.portcullis.daemon;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.ControlAddress;
import org.portcullis.daemon.control.ControlCommands;
import org.portcullis.daemon.control.ControlFile;
import org.portcullis.daemon.control.ControlSecret;
import org.portcullis.daemon.control.ControlServer;
import org.portcullis.daemon.control.LogLevels;
import org.portcullis.daemon.pid.PidFile;

/**
 * Runs a daemon as a service: takes its PID file (a second instance is refused, naming the first), opens its
 * control port, starts it, and on SIGTERM or SIGINT drains it (no new sessions; running ones get the drain
 * timeout, then ESID 05), closes it, removes the PID file and exits 0. See docs/operations.md.
 *
 * <p>Threads: the control port and the log-level reverts run on one event loop of their own; the stop runs on
 * the JVM's shutdown hook thread (or the caller of {@link #stop()}), the daemon on its own threads.
 */
public final class DaemonRunner {
    /** After the drain deadline: time for the ESIDs to reach the partners and their connections to close. */
    static final Duration ESID_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LogManager.getLogger();

    private final DaemonOptions options;
    private final Clock clock;
    private final CountDownLatch startAttempted = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final Thread hook;
    private volatile boolean signalled;
    private volatile boolean draining;
    private volatile boolean running;
    private volatile DaemonService service;
    private PidFile pidFile;
    private EventLoopGroup controlLoop;
    private LogLevels levels;
    private ControlServer control;
    private Path controlFile;

    public DaemonRunner(DaemonOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.hook = new Thread(this::onSignal, options.identity().name() + "-shutdown");
    }

    /**
     * Runs {@code daemon} until {@link #stop()}, SIGTERM or SIGINT. After a signal the process exits 0 from the
     * shutdown hook once stopped; this method does not return then.
     *
     * @param err where the one line that says why the daemon did not start goes
     * @return 0 after {@link #stop()}; the exit code of a start that failed
     */
    public int run(DaemonService daemon, PrintWriter err) throws InterruptedException {
        String name = options.identity().name();
        String version = ManifestVersionProvider.version(daemon.getClass());
        // The first line, under the main class's name as the daemon's own lines were before this runner.
        LogManager.getLogger(options.identity().mainClass()).info("{} {} on Java {}, PID {}", name, version,
                Runtime.version(), ProcessHandle.current().pid());
        this.service = daemon;
        // From here on a signal stops the daemon cleanly, even while it starts.
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            setUp(new ControlCommands.Facts(name, version, ProcessHandle.current().pid(), clock.instant()));
        } catch (DaemonException e) {
            startAttempted(false);
            LOG.error("{} cannot start: {}", name, e.getMessage());
            err.println(name + ": " + e.getMessage());
            err.flush();
            return failed(e.exitCode());
        }
        int started = daemon.start();
        startAttempted(started == 0);
        if (started != 0) {
            return failed(started);
        }
        stopped.await();
        removeHook();
        return 0;
    }

    private void startAttempted(boolean success) {
        running = success;
        startAttempted.countDown();
    }

    /** A start failed: everything is released and the code returned. */
    private int failed(int exitCode) {
        release();
        service.close();
        removeHook();
        return exitCode;
    }

    private void removeHook() {
        if (!signalled) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // A signal came meanwhile: the hook runs and ends the process.
            }
        }
    }

    /** The PID file, the control secret, the control port and its address file, in this order. */
    private void setUp(ControlCommands.Facts facts) {
        pidFile = PidFile.acquire(options.pidFile(), options.identity());
        Optional<ControlSecret> secret = options.controlSecret();
        if (secret.isEmpty()) {
            LOG.warn("control port closed: no control secret file {}; create one (chmod 600) to open it",
                    options.controlSecretFile());
            return;
        }
        controlLoop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(facts.name() + "-control", true),
                NioIoHandler.newFactory());
        levels = LogLevels.forThisProcess(clock, controlLoop).attach();
        control = new ControlServer(options.control(), secret.get(),
                new ControlCommands(facts, service, levels, () -> draining, clock), controlLoop);
        ControlAddress bound = control.start();
        controlFile = ControlFile.beside(pidFile.path());
        try {
            ControlFile.write(controlFile, bound);
        } catch (IOException e) {
            throw new DaemonException(DaemonException.SETUP_FAILED, "cannot write the control file " + controlFile
                    + ": " + e, e);
        }
    }

    /**
     * Drains and closes the daemon, then closes the control port and removes the control and PID files. Blocks
     * for up to the drain timeout and a few seconds; a second call waits for the first.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            startAttempted.await();
            if (running) {
                draining = true;
                drain();
                service.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
            stopped.countDown();
        }
    }

    /** Whether the daemon stopped taking new sessions. */
    public boolean draining() {
        return draining;
    }

    private void drain() {
        Duration timeout = options.drainTimeout();
        LOG.info("{} stopping: no new sessions; running sessions have {} ms to finish", options.identity().name(),
                timeout.toMillis());
        try {
            service.drain(timeout).get(timeout.plus(ESID_GRACE).toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("no session runs any more");
        } catch (TimeoutException e) {
            LOG.warn("sessions still run {} ms after the drain deadline; they are closed now", ESID_GRACE.toMillis());
        } catch (ExecutionException e) {
            LOG.error("draining failed; closing", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the control port and removes the control and PID files; once. */
    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        if (control != null) {
            control.close();
        }
        if (levels != null) {
            levels.close();
        }
        if (controlLoop != null) {
            controlLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (controlFile != null) {
            try {
                Files.deleteIfExists(controlFile);
            } catch (IOException e) {
                LOG.warn("cannot remove the control file {}: {}", controlFile, e.toString());
            }
        }
        if (pidFile != null) {
            pidFile.close();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM or SIGINT: stops, ends logging (log4j2.xml has no shutdown hook of its own, so every line above is
     * written) and halts with 0, which a signal's exit status (143, 130) would otherwise replace.
     */
    private void onSignal() {
        signalled = true;
        stop();
        LogManager.shutdown();
        Runtime.getRuntime().halt(0);
    }
}
