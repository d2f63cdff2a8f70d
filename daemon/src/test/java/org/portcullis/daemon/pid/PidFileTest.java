package org.portcullis.daemon.pid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.DaemonException;
import org.portcullis.daemon.DaemonIdentity;
import org.portcullis.daemon.control.LogCapture;

class PidFileTest {
    static final DaemonIdentity DAEMON = new DaemonIdentity("test-daemon", "org.portcullis.daemon.TestDaemonMain", 0);
    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void writesThisProcessesPidAndRemovesTheFileOnClose() throws IOException {
        Path file = dir.resolve("run/test-daemon.pid");
        try (PidFile pid = PidFile.acquire(file, DAEMON)) {
            assertEquals(SELF + "\n", Files.readString(pid.path()));
            assertEquals(SELF, pid.pid());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesASecondHolderNamingThePid() throws IOException {
        Path file = dir.resolve("test-daemon.pid");
        try (PidFile first = PidFile.acquire(file, DAEMON)) {
            assertEquals(file, first.path());
            DaemonException refused = assertThrows(DaemonException.class, () -> PidFile.acquire(file, DAEMON));
            assertEquals(DaemonException.ALREADY_RUNNING, refused.exitCode());
            assertEquals("test-daemon is already running with PID " + SELF + ": PID file " + file,
                    refused.getMessage());
            assertEquals(SELF + "\n", Files.readString(file), "the running instance's file is untouched");
        }
    }

    @Test
    void replacesTheFileOfAProcessThatIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        Path file = Files.writeString(dir.resolve("test-daemon.pid"), gone.pid() + "\n");
        try (LogCapture log = LogCapture.collect(); PidFile pid = PidFile.acquire(file, DAEMON)) {
            assertEquals(SELF + "\n", Files.readString(pid.path()));
            assertTrue(log.contains("stale PID file " + file + ": process " + gone.pid() + " is gone; replaced"),
                    log.lines()::toString);
        }
    }

    @Test
    void replacesTheFileWhenItsPidNowBelongsToAnotherProgram() throws IOException {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path file = Files.writeString(dir.resolve("test-daemon.pid"), parent + "\n");
        try (LogCapture log = LogCapture.collect(); PidFile pid = PidFile.acquire(file, DAEMON)) {
            assertEquals(SELF + "\n", Files.readString(pid.path()));
            assertTrue(log.contains("stale PID file " + file + ": PID " + parent + " now belongs to another program"),
                    log.lines()::toString);
        }
    }

    @Test
    void replacesAFileThatNamesNoPid() throws IOException {
        Path file = Files.writeString(dir.resolve("test-daemon.pid"), "garbage\n");
        try (PidFile pid = PidFile.acquire(file, DAEMON)) {
            assertEquals(SELF + "\n", Files.readString(pid.path()));
        }
    }

    @Test
    void failsInOneLineWhenTheFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        DaemonException failed = assertThrows(DaemonException.class,
                () -> PidFile.acquire(notAFolder.resolve("test-daemon.pid"), DAEMON));
        assertEquals(DaemonException.SETUP_FAILED, failed.exitCode());
        assertTrue(failed.getMessage().startsWith("cannot write the PID file "), failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"));
    }

    @Test
    void recognisesTheDaemonByItsMainClassOrItsJar() {
        DaemonIdentity server = new DaemonIdentity("relay-server", "org.portcullis.relay.server.RelayServerMain",
                9878);
        assertTrue(PidFile.isDaemon(List.of("/usr/bin/java", "-jar", "/opt/portcullis/lib/relay-server-0.1.0-all.jar",
                "-i", "2878"), server));
        assertTrue(PidFile.isDaemon(List.of("java", "-cp", "lib/*", "org.portcullis.relay.server.RelayServerMain"),
                server));
        assertTrue(PidFile.isDaemon(List.of("java", "-jar", "relay-server.jar"), server));
        assertFalse(PidFile.isDaemon(List.of("java", "-jar", "/opt/portcullis/lib/relay-client-0.1.0-all.jar"),
                server));
        assertFalse(PidFile.isDaemon(List.of("/usr/sbin/sshd", "-D"), server));
        assertFalse(PidFile.isDaemon(List.of(), server));
    }

    @Test
    void splitsTheKernelsCommandLine() {
        assertEquals(List.of("java", "-jar", "a b.jar"),
                ProcessCommandLine.split("java\0-jar\0a b.jar\0".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), ProcessCommandLine.split(new byte[0]));
    }

    @Test
    void readsTheCommandLineOfThisProcessAndNoneOfAProcessThatIsGone() throws Exception {
        assertTrue(ProcessCommandLine.of(SELF).orElseThrow().get(0).contains("java"));
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        assertTrue(ProcessCommandLine.of(gone.pid()).isEmpty());
    }
}
