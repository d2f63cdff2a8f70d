package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.portcullis.backend.admin.ConfigCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code check}: validates the stored configuration as relay-server would. Prints every error on standard error
 * and exits 1, or "configuration valid (N partners, M routes)" and exits 0; warnings go to standard output,
 * "warning: " first, either way.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates the stored configuration and prints every problem (exit code 1 on errors).")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Override
    public Integer call() {
        return Admin.run(spec, store, (session, out) -> {
            ConfigCheck.Report report = ConfigCheck.check(session.store(), Instant.now());
            report.warnings().forEach(warning -> out.println("warning: " + warning));
            if (!report.valid()) {
                PrintWriter err = spec.commandLine().getErr();
                report.errors().forEach(err::println);
                return Admin.FAILED;
            }
            out.printf("configuration valid (%d partners, %d routes, %d CAs, %d CRLs)%n",
                    report.config().partners().size(), report.config().routes().size(),
                    report.config().trust().caCertificates().size(), report.config().trust().crls().size());
            return Admin.OK;
        });
    }
}
