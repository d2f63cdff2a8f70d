package org.portcullis.relay.server.session;

import org.portcullis.relay.server.license.RunningLicense;

/**
 * What every session of one relay-server shares: where audit records go, the count of running sessions, the
 * license that admits new ones, the sessions running (for the control port and the drain), the counters and the
 * budget of refusal log lines.
 *
 * @param audit    the audit log
 * @param limiter  the concurrent-session count
 * @param license  the license's session limit and expiry
 * @param sessions the sessions running
 * @param metrics  the session counters
 * @param refusals the budget of refusal log lines
 */
public record SessionSupport(AuditLog audit, SessionLimiter limiter, RunningLicense license, LiveSessions sessions,
        SessionMetrics metrics, RefusalLog refusals) {

    /** With a registry and counters of their own: for tests of one handler. */
    public SessionSupport(AuditLog audit, SessionLimiter limiter, RunningLicense license) {
        this(audit, limiter, license, new LiveSessions(), new SessionMetrics(), new RefusalLog());
    }
}
