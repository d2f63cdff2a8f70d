package org.portcullis.proxy.interop;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs named checks, printing {@code ok   NAME: detail} or {@code FAIL NAME: reason} for each, and counts them. */
final class InteropChecks {
    private final PrintWriter out;
    private int passed;
    private int failed;

    InteropChecks(PrintWriter out) {
        this.out = out;
    }

    /** Fails the check with this reason unless the condition holds. */
    static void expect(boolean condition, String reason) {
        if (!condition) {
            throw new AssertionError(reason);
        }
    }

    /** Runs one check; what it returns is printed as the detail. */
    void run(String name, Callable<String> check) {
        try {
            String detail = check.call();
            passed++;
            out.printf("ok   %s: %s%n", name, detail);
        } catch (Exception | AssertionError e) {
            failed++;
            out.printf("FAIL %s: %s%n", name, e instanceof AssertionError ? e.getMessage() : e.toString());
        }
        out.flush();
    }

    int passed() {
        return passed;
    }

    int failed() {
        return failed;
    }
}
