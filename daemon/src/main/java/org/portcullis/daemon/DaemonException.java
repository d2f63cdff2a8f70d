package org.portcullis.daemon;

/**
 * A daemon cannot start: another instance runs, its PID file or control secret is unusable, its control port
 * cannot listen. The message is the one line the operator sees; the exit code tells scripts which it was.
 */
public final class DaemonException extends RuntimeException {
    /** Exit code when another instance holds the PID file. */
    public static final int ALREADY_RUNNING = 11;
    /** Exit code when the PID file, the control secret or the control port cannot be set up. */
    public static final int SETUP_FAILED = 12;

    private final int exitCode;

    public DaemonException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DaemonException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** {@link #ALREADY_RUNNING} or {@link #SETUP_FAILED}. */
    public int exitCode() {
        return exitCode;
    }
}
