package org.portcullis.relay.server.session;

/**
 * What every session of one relay-server shares: where audit records go and the count of running sessions.
 *
 * @param audit   the audit log
 * @param limiter the concurrent-session count
 */
public record SessionSupport(AuditLog audit, SessionLimiter limiter) {
}
