package org.portcullis.daemon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.portcullis.daemon.control.ControlledDaemon;

/** A daemon as {@link DaemonRunner} runs it: started, asked over the control port, drained and closed. */
public interface DaemonService extends ControlledDaemon {

    /**
     * Starts the daemon; blocks until it runs.
     *
     * @return 0 once it runs, else the exit code to end with (the daemon logged why)
     */
    int start();

    /**
     * Stops taking new sessions and lets the running ones finish; those still running after {@code deadline}
     * are ended with ESID 05 (local site emergency close down).
     *
     * @return completes once no session runs
     */
    CompletableFuture<Void> drain(Duration deadline);

    /** Stops everything; blocks until stopped. */
    void close();
}
