package org.portcullis.backend.cli;

/**
 * A command cannot do what it was asked: exit code 2 when the command line itself is wrong (a malformed value),
 * 1 when the request cannot be carried out (no such partner, already there, a file that does not validate).
 */
final class AdminException extends RuntimeException {
    private final int exitCode;

    private AdminException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A malformed value on the command line: exit code 2. */
    static AdminException badInput(String message) {
        return new AdminException(message, Admin.BAD_INPUT);
    }

    /** A request that cannot be carried out: exit code 1. */
    static AdminException failed(String message) {
        return new AdminException(message, Admin.FAILED);
    }

    int exitCode() {
        return exitCode;
    }
}
