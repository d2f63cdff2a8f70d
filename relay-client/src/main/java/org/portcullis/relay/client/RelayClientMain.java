package org.portcullis.relay.client;

import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of relay-client, the inside tier that carries OFTP2 (RFC 5024) sessions to the inside daemon. */
@Command(name = "relay-client", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "The inside tier of Portcullis: dials the relay-server and carries sessions to the OFTP2 daemon.")
public final class RelayClientMain implements Callable<Integer> {
    /** Exit code while the command has nothing to run yet. */
    static final int NOT_IMPLEMENTED = 2;

    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayClientMain()).execute(args));
    }

    @Override
    public Integer call() {
        LOG.info("{} on Java {}", spec.version()[0], Runtime.version());
        spec.commandLine().getErr().println("relay-client: not implemented yet");
        return NOT_IMPLEMENTED;
    }
}
