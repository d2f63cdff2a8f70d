package org.portcullis.config;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-config FILE}: validates a configuration document and lists every error; exit code 0 or 1. */
@Command(name = "verify-config", mixinStandardHelpOptions = true,
        description = "Validates a configuration document and lists every error in it.")
public final class VerifyConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the configuration document (JSON)")
    private Path file;

    @Override
    public Integer call() {
        try {
            RelayConfig config = ConfigLoader.read(file);
            spec.commandLine().getOut().printf("configuration valid (revision %s, %d partners, %d routes)%n",
                    config.revision(), config.partners().size(), config.routes().size());
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(spec.commandLine().getErr()::println);
            return 1;
        }
    }
}
