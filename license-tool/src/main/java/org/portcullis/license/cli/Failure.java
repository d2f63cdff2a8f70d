package org.portcullis.license.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** How a subcommand fails: one line on standard error, "license-tool COMMAND: " first, and an exit code. */
final class Failure {
    /** A failure that is not one of the license's causes (a key file, an output file). */
    static final int GENERAL = 1;

    private Failure() {
    }

    /** Prints the line and returns {@link #GENERAL}. */
    static int print(CommandSpec spec, String message) {
        return print(spec, message, GENERAL);
    }

    /** Prints the line and returns the exit code. */
    static int print(CommandSpec spec, String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return exitCode;
    }
}
