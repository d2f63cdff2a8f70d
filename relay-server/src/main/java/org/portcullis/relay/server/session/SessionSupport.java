package org.portcullis.relay.server.session;

import org.portcullis.relay.server.license.RunningLicense;

/**
 * What every session of one relay-server shares: where audit records go, the count of running sessions and the
 * license that admits new ones.
 *
 * @param audit   the audit log
 * @param limiter the concurrent-session count
 * @param license the license's session limit and expiry
 */
public record SessionSupport(AuditLog audit, SessionLimiter limiter, RunningLicense license) {
}
