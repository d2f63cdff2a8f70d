package org.portcullis.backend;

import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of backend-api, which serves the relay configuration (partners, certificates, routes). */
@Command(name = "backend-api", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Serves the relay configuration (partners, certificates, routes) to authenticated relay clients.")
public final class BackendApiMain implements Callable<Integer> {
    /** Exit code while the command has nothing to run yet. */
    static final int NOT_IMPLEMENTED = 2;

    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BackendApiMain()).execute(args));
    }

    @Override
    public Integer call() {
        LOG.info("{} on Java {}", spec.version()[0], Runtime.version());
        spec.commandLine().getErr().println("backend-api: not implemented yet");
        return NOT_IMPLEMENTED;
    }
}
