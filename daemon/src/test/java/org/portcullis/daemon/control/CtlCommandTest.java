package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.TestDaemonMain;
import picocli.CommandLine;

/** {@code DAEMON ctl}: where it finds the control port and the secret, what it prints, its exit codes. */
class CtlCommandTest {
    @TempDir
    Path dir;

    private final FakeDaemon daemon = new FakeDaemon();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private EventLoopGroup loop;
    private LogLevels levels;
    private ControlServer server;
    private ControlAddress address;
    private Path pidFile;
    private Path secret;

    @BeforeEach
    void start() throws IOException {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        levels = LogLevels.forThisProcess(Clock.systemUTC(), loop).attach();
        secret = ControlSecretTest.write(dir.resolve("test-daemon.secret"), ControlSecretTest.SECRET);
        server = new ControlServer(ControlAddress.parse("0"), ControlSecret.read(secret),
                new ControlCommands(new ControlCommands.Facts("test-daemon", "1.2.3", 7, Instant.now()), daemon,
                        levels, () -> false, Clock.systemUTC()), loop);
        address = server.start();
        pidFile = dir.resolve("test-daemon.pid");
        ControlFile.write(ControlFile.beside(pidFile), address);
    }

    @AfterEach
    void stop() {
        server.close();
        levels.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private int run(String... arguments) {
        return new CommandLine(new TestDaemonMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(arguments);
    }

    @Test
    void findsThePortInTheControlFileBesideThePidFileGivenBeforeOrAfterTheCommand() {
        assertEquals(0, run("ctl", "--pid-file", pidFile.toString(), "--control-secret", secret.toString(),
                "status"), err::toString);
        assertTrue(out.toString().startsWith("daemon: test-daemon\n"), out::toString);
        assertEquals(0, run("ctl", "sessions", "--pid-file", pidFile.toString(), "--control-secret",
                secret.toString()), err::toString);
        assertEquals(0, run("--pid-file", pidFile.toString(), "--control-secret", secret.toString(), "ctl",
                "metrics"), err::toString);
        assertTrue(out.toString().contains("# TYPE portcullis_build_info gauge"), out::toString);
    }

    @Test
    void takesAnExplicitControlAddress() {
        assertEquals(0, run("ctl", "--control", address.toString(), "--control-secret", secret.toString(),
                "loglevel", "DEBUG", "--session", "s1", "--revert-after", "1m"), err::toString);
        assertTrue(out.toString().startsWith("session s1 at DEBUG until "), out::toString);
    }

    @Test
    void exitCodesTellDoneRefusedUsageAndNoAnswer() throws IOException {
        daemon.add("s1", "O0013000000PARTNER");
        assertEquals(0, run("ctl", "--pid-file", pidFile.toString(), "--control-secret", secret.toString(),
                "kill-session", "s1"));
        assertEquals(CtlCommand.REFUSED, run("ctl", "--pid-file", pidFile.toString(), "--control-secret",
                secret.toString(), "kill-session", "s1"));
        assertTrue(err.toString().endsWith("test-daemon ctl: no running session s1\n"), err::toString);
        assertEquals(CommandLine.ExitCode.USAGE, run("ctl", "--control", "192.0.2.2:1", "status"));
        Path wrong = ControlSecretTest.write(dir.resolve("wrong.secret"), "some-other-secret-value");
        assertEquals(CtlCommand.NO_ANSWER, run("ctl", "--pid-file", pidFile.toString(), "--control-secret",
                wrong.toString(), "status"));
        assertEquals(CtlCommand.NO_ANSWER, run("ctl", "--pid-file", pidFile.toString(), "--control-secret",
                dir.resolve("missing.secret").toString(), "status"));
        assertTrue(err.toString().contains("cannot read the control secret file"), err::toString);
    }
}
