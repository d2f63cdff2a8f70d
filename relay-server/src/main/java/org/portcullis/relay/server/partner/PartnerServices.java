package org.portcullis.relay.server.partner;

import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.link.InsideLink;
import org.portcullis.relay.server.session.SessionSupport;

/**
 * What the partner connections of one relay-server share.
 *
 * @param support     audit log and session limit
 * @param link        the link to relay-client
 * @param passwords   checks SSID passwords, hashing off the event loops
 * @param crls        where CRL distribution points of partner certificates go
 * @param rateLimiter the per-source connection rate, shared by every listener
 * @param pending     the connections not yet admitted, shared by every listener
 */
public record PartnerServices(SessionSupport support, InsideLink link, PasswordVerifier passwords, CrlUrlReporter crls,
        SourceRateLimiter rateLimiter, PendingConnections pending) {
}
