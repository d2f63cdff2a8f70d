package org.portcullis.backend;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.portcullis.backend.cli.CaCommands;
import org.portcullis.backend.cli.CheckCommand;
import org.portcullis.backend.cli.ConfigCommands;
import org.portcullis.backend.cli.CrlCommands;
import org.portcullis.backend.cli.EventScriptCommands;
import org.portcullis.backend.cli.IdentityCommands;
import org.portcullis.backend.cli.IgnoreCommands;
import org.portcullis.backend.cli.InsideCommands;
import org.portcullis.backend.cli.LimitsCommands;
import org.portcullis.backend.cli.ListenerCommands;
import org.portcullis.backend.cli.OutgoingCommands;
import org.portcullis.backend.cli.PartnerCommands;
import org.portcullis.backend.cli.RouteCommands;
import org.portcullis.backend.cli.ServeCommand;
import org.portcullis.backend.cli.StandardInput;
import org.portcullis.backend.cli.TokenCommands;
import org.portcullis.daemon.DaemonCommand;
import org.portcullis.daemon.DaemonIdentity;
import org.portcullis.daemon.DaemonOptions;
import org.portcullis.daemon.ManifestVersionProvider;
import org.portcullis.daemon.control.CtlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of backend-api: the configuration service ({@code serve}) and the commands that administer it. */
@Command(name = "backend-api", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Serves the relay configuration to authenticated relay clients, and administers it.",
        subcommands = {ServeCommand.class, CheckCommand.class, ConfigCommands.class, TokenCommands.class,
                PartnerCommands.class, IdentityCommands.class, CaCommands.class, CrlCommands.class,
                RouteCommands.class, ListenerCommands.class, InsideCommands.class, OutgoingCommands.class,
                LimitsCommands.class, IgnoreCommands.class, EventScriptCommands.class, CtlCommand.class})
public final class BackendApiMain implements Callable<Integer>, StandardInput, DaemonCommand {
    /** Its name, main class and control port 9877 (serve's daemon). */
    public static final DaemonIdentity IDENTITY = new DaemonIdentity("backend-api", BackendApiMain.class.getName(),
            9877);

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** Reads secrets from System.in. */
    public BackendApiMain() {
        this(System.in);
    }

    /** Reads secrets from the given stream (tests). */
    public BackendApiMain(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BackendApiMain()).execute(args));
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    /** The defaults of serve's daemon options, for {@code backend-api ctl}. */
    @Override
    public DaemonOptions daemonOptions() {
        return new DaemonOptions(IDENTITY);
    }

    /** Without a command: the usage on standard error, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
