package org.portcullis.relay.server;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.session.AuditLog;

/**
 * What relay-server is started with; everything else comes over the link in the configuration document.
 *
 * @param linkAddress  where the link listens for relay-client ({@code -i}, default 0.0.0.0:2878)
 * @param credentials  the link's certificate, key, trusted CA and optional pin of relay-client's certificate
 * @param linkSettings heartbeats, windows and limits of the link
 * @param audit        where the audit record of each session goes
 * @param license      the license checked at start: its session limit and expiry apply to new sessions
 */
public record RelayServerSettings(InetSocketAddress linkAddress, LinkCredentials credentials,
        LinkSettings linkSettings, AuditLog audit, RunningLicense license) {
    /** The default port of the link. */
    public static final int DEFAULT_LINK_PORT = 2878;

    public RelayServerSettings {
        Objects.requireNonNull(linkAddress, "linkAddress");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(linkSettings, "linkSettings");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(license, "license");
    }
}
