package org.portcullis.backend.cli;

import java.io.InputStream;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level command provides standard input, so tests can give commands their own. */
public interface StandardInput {
    /** What commands read secrets from when no file is given. */
    InputStream stdin();

    /** The standard input of the command's root, or System.in if the root does not provide one. */
    static InputStream of(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof StandardInput ? ((StandardInput) root).stdin() : System.in;
    }
}
