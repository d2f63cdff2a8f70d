package org.portcullis.relay.server;

import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of relay-server, the DMZ tier that terminates partners' OFTP2 (RFC 5024) sessions. */
@Command(name = "relay-server", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "The DMZ tier of Portcullis: terminates partners' OFTP2 sessions and relays them over the link.")
public final class RelayServerMain implements Callable<Integer> {
    /** Exit code while the command has nothing to run yet. */
    static final int NOT_IMPLEMENTED = 2;

    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayServerMain()).execute(args));
    }

    @Override
    public Integer call() {
        LOG.info("{} on Java {}", spec.version()[0], Runtime.version());
        spec.commandLine().getErr().println("relay-server: not implemented yet");
        return NOT_IMPLEMENTED;
    }
}
