package org.portcullis.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-config FILE}: validates a configuration document as relay-server would. Prints
 * "configuration valid (revision R, N partners, M routes)" and exits 0, or every error one per line on
 * standard error and exits 1. Warnings go to standard output, "warning: " first.
 */
@Command(name = "verify-config", mixinStandardHelpOptions = true,
        description = "Validates a configuration document and lists every error in it (exit code 1 if any).")
public final class VerifyConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the configuration document (JSON)")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        try {
            RelayConfig config = ConfigLoader.parse(ConfigLoader.readBounded(file), Instant.now(), warnings);
            warnings.forEach(warning -> out.println("warning: " + warning));
            out.printf("configuration valid (revision %s, %d partners, %d routes)%n",
                    config.revision(), config.partners().size(), config.routes().size());
            out.flush();
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            err.flush();
            return 1;
        }
    }
}
