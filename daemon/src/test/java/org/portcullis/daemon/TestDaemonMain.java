package org.portcullis.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.portcullis.daemon.control.CtlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A daemon's command as the relay daemons build theirs, around {@link OneSessionDaemon}: run in a child JVM. */
@Command(name = "test-daemon", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        subcommands = CtlCommand.class)
public final class TestDaemonMain implements Callable<Integer> {
    static final DaemonIdentity IDENTITY = new DaemonIdentity("test-daemon", TestDaemonMain.class.getName(), 9877);

    @Spec
    private CommandSpec spec;

    @Mixin
    private final DaemonOptions daemon = new DaemonOptions(IDENTITY);

    // Required for running, not for ctl: checked in call(), as the daemons do with theirs.
    @Option(names = "--release-file", paramLabel = "FILE", description = "The session completes when this file exists.")
    private Path releaseFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TestDaemonMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (releaseFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--release-file'");
        }
        DaemonLogging.prepare(IDENTITY, null);
        return new DaemonRunner(daemon, Clock.systemUTC()).run(new OneSessionDaemon(releaseFile),
                spec.commandLine().getErr());
    }

    DaemonOptions options() {
        return daemon;
    }
}
