package org.portcullis.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.control.ControlFile;
import org.portcullis.daemon.control.CtlCommand;
import org.portcullis.testkit.Await;
import picocli.CommandLine;

/** The daemon's life as a process: its PID file, its control port, its signals and its exit codes. */
@Timeout(120)
class DaemonRunnerIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String SECRET = "it-control-secret-0123456789abcdef";

    @TempDir
    Path dir;
    private Path pidFile;
    private Path secret;
    private Path release;

    @BeforeEach
    void files() throws IOException {
        pidFile = dir.resolve("run/test-daemon.pid");
        secret = Files.writeString(dir.resolve("test-daemon.secret"), SECRET + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        release = dir.resolve("release");
    }

    private List<String> arguments(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--pid-file", pidFile.toString(), "--control", "0",
                "--control-secret", secret.toString(), "--release-file", release.toString()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** Starts one and waits until its control port listens. */
    private ChildDaemon started(String name, String... more) throws IOException {
        ChildDaemon daemon = ChildDaemon.start(dir, name, arguments(more));
        Await.until(() -> Files.exists(ControlFile.beside(pidFile)) || !daemon.isAlive(), START_TIMEOUT,
                "the daemon to open its control port");
        assertTrue(daemon.isAlive(), daemon::output);
        return daemon;
    }

    /** {@code test-daemon ctl ARGS} in this JVM against the child. */
    private String[] ctl(String... arguments) {
        List<String> all = new ArrayList<>(List.of("ctl", "--pid-file", pidFile.toString(), "--control-secret",
                secret.toString()));
        all.addAll(List.of(arguments));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TestDaemonMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aSecondStartIsRefusedInOneLineNamingTheRunningPid() throws Exception {
        try (ChildDaemon first = started("first")) {
            assertEquals(first.pid() + "\n", Files.readString(pidFile));
            ChildDaemon second = ChildDaemon.start(dir, "second", arguments());
            assertEquals(DaemonException.ALREADY_RUNNING, second.awaitExit(), second::output);
            assertEquals("test-daemon: test-daemon is already running with PID " + first.pid() + ": PID file "
                    + pidFile + "\n", second.errors());
            assertTrue(first.isAlive());
            assertEquals(first.pid() + "\n", Files.readString(pidFile), "the running instance's PID file stays");
        }
    }

    @Test
    void sigtermLetsTheRunningSessionFinishThenExitsZeroAndRemovesItsFiles() throws Exception {
        try (ChildDaemon daemon = started("daemon")) {
            assertTrue(ctl("status")[1].contains("sessions: 1\n  s1 partner=O0013000000PARTNER"));

            daemon.signal("TERM");
            Await.until(() -> daemon.output().contains("test-daemon stopping: no new sessions"), START_TIMEOUT,
                    "the drain to start");
            assertTrue(daemon.isAlive(), "the session still runs");
            String[] status = ctl("status");
            assertEquals("0", status[0], status[2]);
            assertTrue(status[1].contains("state: draining\n"), status[1]);

            Files.writeString(release, "done");
            assertEquals(0, daemon.awaitExit(), daemon::output);
            String log = daemon.output();
            assertTrue(log.contains("session s1 completed"), log);
            assertTrue(log.contains("no session runs any more"), log);
            assertFalse(Files.exists(pidFile));
            assertFalse(Files.exists(ControlFile.beside(pidFile)));
        }
    }

    @Test
    void sigintEndsWhatStillRunsAtTheDrainDeadlineWithEsid05AndExitsZero() throws Exception {
        try (ChildDaemon daemon = started("daemon", "--drain-timeout", "200ms")) {
            daemon.signal("INT");
            assertEquals(0, daemon.awaitExit(), daemon::output);
            assertTrue(daemon.output().contains("session s1 ended with ESID 05 at the drain deadline"),
                    daemon::output);
            assertFalse(Files.exists(pidFile));
        }
    }

    @Test
    void aSigtermWhileStartingStillExitsZeroAndRemovesThePidFile() throws Exception {
        try (ChildDaemon daemon = ChildDaemon.start(dir, "daemon", arguments("--drain-timeout", "0s"))) {
            // The PID file is written after the shutdown hook is in place.
            Await.until(() -> Files.exists(pidFile) || !daemon.isAlive(), START_TIMEOUT, "the PID file");
            daemon.signal("TERM");
            assertEquals(0, daemon.awaitExit(), daemon::output);
            assertFalse(Files.exists(pidFile));
        }
    }

    @Test
    void aStalePidFileOfAnotherProgramIsReplacedWithAWarning() throws Exception {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, parent + "\n");
        try (ChildDaemon daemon = started("daemon")) {
            assertEquals(daemon.pid() + "\n", Files.readString(pidFile));
            assertTrue(daemon.output().contains("stale PID file " + pidFile + ": PID " + parent
                    + " now belongs to another program"), daemon::output);
            daemon.signal("TERM");
            Files.writeString(release, "done");
            assertEquals(0, daemon.awaitExit());
        }
    }

    @Test
    void refusesToStartWithASecretFileOthersCanRead() throws Exception {
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        ChildDaemon daemon = ChildDaemon.start(dir, "daemon", arguments());
        assertEquals(DaemonException.SETUP_FAILED, daemon.awaitExit(), daemon::output);
        List<String> lines = daemon.errors().lines().toList();
        assertEquals(1, lines.size(), daemon::errors);
        assertTrue(lines.get(0).startsWith("test-daemon: the control secret file " + secret + " is open to group or "
                + "others"), lines.get(0));
        assertFalse(Files.exists(pidFile), "released on the way out");
    }

    @Test
    void ctlExitCodesSayWhatHappened() throws Exception {
        try (ChildDaemon daemon = started("daemon")) {
            String[] metrics = ctl("metrics");
            assertEquals("0", metrics[0], metrics[2]);
            assertTrue(metrics[1].contains("portcullis_sessions_active 1\n"), metrics[1]);

            String[] unknown = ctl("kill-session", "nope");
            assertEquals(List.of("1", "", "test-daemon ctl: no running session nope\n"), List.of(unknown));

            String[] usage = ctl("loglevel", "DEBUG", "--partner", "A", "--session", "B");
            assertEquals("2", usage[0]);

            Path wrong = Files.writeString(dir.resolve("wrong.secret"), "not-the-secret-at-all\n");
            StringWriter err = new StringWriter();
            int code = new CommandLine(new TestDaemonMain()).setErr(new PrintWriter(err)).execute("ctl", "--pid-file",
                    pidFile.toString(), "--control-secret", wrong.toString(), "status");
            assertEquals(CtlCommand.NO_ANSWER, code);
            assertTrue(err.toString().contains("without an answer (wrong secret?)"), err.toString());

            String[] killed = ctl("kill-session", "s1");
            assertEquals("0", killed[0], killed[2]);
            Await.until(() -> daemon.output().contains("session s1 ended with ESID 05 over the control port"),
                    START_TIMEOUT, "the session to end");

            daemon.signal("TERM");
            assertEquals(0, daemon.awaitExit());
        }
        String[] stopped = ctl("status");
        assertEquals(Integer.toString(CtlCommand.NO_ANSWER), stopped[0], "nothing listens any more");
    }
}
