package org.portcullis.daemon.control;

import java.util.List;
import java.util.Map;
import org.portcullis.daemon.metrics.PrometheusText;

/**
 * What the control port asks of a daemon. Called on the control port's event loop: answers from memory,
 * without blocking.
 */
public interface ControlledDaemon {

    /**
     * The daemon's own status lines, in order, name to value: its license, link state, configuration revision
     * and age, route in use.
     */
    Map<String, String> status();

    /** The sessions running now. */
    List<SessionSummary> sessions();

    /**
     * Ends one session now, telling the partner ESID 05 (local site emergency close down, RFC 5024 §5.3.5).
     *
     * @return false when no running session has that id
     */
    boolean killSession(String sessionId);

    /** Adds the daemon's metric families (sessions, bytes, link, configuration age, refusals). */
    void metrics(PrometheusText out);
}
