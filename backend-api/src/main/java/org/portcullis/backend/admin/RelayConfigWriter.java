package org.portcullis.backend.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.portcullis.backend.crl.CrlTable;
import org.portcullis.backend.crl.StoredCrl;
import org.portcullis.backend.document.PublishedDocument;
import org.portcullis.backend.store.IdentityPurpose;
import org.portcullis.backend.store.IdentityTable;
import org.portcullis.backend.store.ListenerTable;
import org.portcullis.backend.store.PartnerTable;
import org.portcullis.backend.store.RouteTable;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.backend.store.TrustedCaTable;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.RouteConfig;

/** Replaces the stored relay configuration with a validated {@link RelayConfig}, within the caller's transaction. */
final class RelayConfigWriter {
    private RelayConfigWriter() {
    }

    /**
     * Replaces listeners, identities, CAs, partners, routes, settings and CRLs.
     *
     * @param crls the CRLs to hold, with their sources; the document's own CRLs are added as "import:..." sources
     */
    static void replace(Connection connection, IdentityTable identities, RelayConfig config, List<StoredCrl> crls)
            throws SQLException {
        clear(connection);
        for (ListenerConfig listener : config.listeners()) {
            ListenerTable.insert(connection, listener);
        }
        identities.put(connection, IdentityPurpose.SERVER, config.serverIdentity());
        if (config.outgoing().clientIdentity() != null) {
            identities.put(connection, IdentityPurpose.OUTGOING, config.outgoing().clientIdentity());
        }
        for (String pem : config.trust().caCertificatesPem()) {
            for (Certificate certificate : certificates(pem)) {
                TrustedCaTable.insert(connection, (X509Certificate) certificate);
            }
        }
        for (PartnerConfig partner : config.partners()) {
            PartnerTable.insert(connection, partner);
        }
        for (RouteConfig route : config.routes()) {
            RouteTable.insert(connection, route);
        }
        settings(connection, config);
        for (StoredCrl crl : crls) {
            CrlTable.put(connection, crl);
        }
        for (X509CRL crl : config.trust().crls()) {
            StoredCrl stored = StoredCrl.of("", crl);
            String digest = HexFormat.of().formatHex(PublishedDocument.sha256(stored.crlPem().getBytes(
                    StandardCharsets.US_ASCII)));
            CrlTable.put(connection, StoredCrl.of("import:" + digest.substring(0, 16), crl));
        }
    }

    private static void clear(Connection connection) throws SQLException {
        ListenerTable.deleteAll(connection);
        IdentityTable.deleteAll(connection);
        TrustedCaTable.deleteAll(connection);
        PartnerTable.deleteAll(connection);
        RouteTable.deleteAll(connection);
        CrlTable.deleteAll(connection);
        for (Setting setting : Setting.values()) {
            if (setting.relayConfig()) {
                SettingsTable.remove(connection, setting);
            }
        }
    }

    private static void settings(Connection connection, RelayConfig config) throws SQLException {
        SettingsTable.put(connection, Setting.INSIDE_HOST, config.inside().host());
        SettingsTable.put(connection, Setting.INSIDE_PORT, Integer.toString(config.inside().port()));
        SettingsTable.putDuration(connection, Setting.INSIDE_CONNECT_TIMEOUT, config.inside().connectTimeout());
        if (config.outgoing().sourceAddress() != null) {
            SettingsTable.put(connection, Setting.OUTGOING_SOURCE_ADDRESS, config.outgoing().sourceAddress());
        }
        if (!config.outgoing().allowedHosts().isEmpty()) {
            SettingsTable.put(connection, Setting.OUTGOING_ALLOWED_HOSTS,
                    String.join(",", config.outgoing().allowedHosts()));
        }
        SettingsTable.putDuration(connection, Setting.TIMEOUT_TLS_HANDSHAKE, config.timeouts().tlsHandshake());
        SettingsTable.putDuration(connection, Setting.TIMEOUT_SSID, config.timeouts().ssid());
        SettingsTable.putDuration(connection, Setting.TIMEOUT_IDLE, config.timeouts().idle());
        SettingsTable.put(connection, Setting.LIMIT_MAX_SESSIONS, Integer.toString(config.limits().maxSessions()));
        SettingsTable.put(connection, Setting.LIMIT_CONNECTIONS_PER_MINUTE,
                Integer.toString(config.limits().connectionsPerSourcePerMinute()));
    }

    private static List<? extends Certificate> certificates(String pem) {
        try {
            return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a validated CA certificate cannot be read again: " + e.getMessage(), e);
        }
    }
}
