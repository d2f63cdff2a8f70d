package org.portcullis.backend.cli;

import java.io.PrintWriter;
import org.portcullis.backend.BackendException;
import org.portcullis.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs an admin command's work and turns what can go wrong into an exit code and one line each on standard
 * error: 0 done, 1 failed (not found, already there, invalid content, the database), 2 bad input.
 */
final class Admin {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** The request could not be carried out. */
    static final int FAILED = 1;
    /** A value on the command line is malformed. */
    static final int BAD_INPUT = 2;

    /** What a command does with the state. */
    @FunctionalInterface
    interface Work {
        /** Does it, printing results to {@code out}; returns the exit code. */
        int run(AdminSession session, PrintWriter out);
    }

    private Admin() {
    }

    static int run(CommandSpec spec, StoreOptions options, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AdminSession session = new AdminSession(options.settings())) {
            return work.run(session, out);
        } catch (AdminException e) {
            err.println(e.getMessage());
            return e.exitCode();
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (BackendException e) {
            err.println(e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
