package org.portcullis.license;

import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of license-tool, which makes keys and issues and verifies license files bound to a Proxy ID. */
@Command(name = "license-tool", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Makes keys and issues and verifies license files bound to a Proxy ID.")
public final class LicenseToolMain implements Callable<Integer> {
    /** Exit code while the command has nothing to run yet. */
    static final int NOT_IMPLEMENTED = 2;

    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LicenseToolMain()).execute(args));
    }

    @Override
    public Integer call() {
        LOG.info("{} on Java {}", spec.version()[0], Runtime.version());
        spec.commandLine().getErr().println("license-tool: not implemented yet");
        return NOT_IMPLEMENTED;
    }
}
