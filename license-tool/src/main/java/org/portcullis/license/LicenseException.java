package org.portcullis.license;

/** A license refused, with its cause and a one-line message that never contains key material or the signature. */
public final class LicenseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final LicenseProblem problem;

    public LicenseException(LicenseProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** The cause, which decides the exit code. */
    public LicenseProblem problem() {
        return problem;
    }
}
