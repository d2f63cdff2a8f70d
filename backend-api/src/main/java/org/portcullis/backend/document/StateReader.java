package org.portcullis.backend.document;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portcullis.backend.BackendException;
import org.portcullis.backend.crl.CrlTable;
import org.portcullis.backend.store.IdentityPurpose;
import org.portcullis.backend.store.IdentityTable;
import org.portcullis.backend.store.ListenerTable;
import org.portcullis.backend.store.PartnerTable;
import org.portcullis.backend.store.RouteTable;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.backend.store.TrustedCaTable;
import org.portcullis.config.ConfigException;
import org.portcullis.config.InsideConfig;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.TimeoutConfig;
import org.portcullis.config.TlsIdentity;

/** Reads the {@link StoredState} in one transaction, sealed keys opened. */
public final class StateReader {
    private final IdentityTable identities;

    public StateReader(IdentityTable identities) {
        this.identities = identities;
    }

    /** Reads everything the document is made of. */
    public StoredState read(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        TlsIdentity server = identity(connection, IdentityPurpose.SERVER, "serverIdentity", problems);
        TlsIdentity outgoing = identity(connection, IdentityPurpose.OUTGOING, "outgoing.clientIdentity", problems);
        return new StoredState(ListenerTable.list(connection), server, outgoing,
                SettingsTable.get(connection, Setting.OUTGOING_SOURCE_ADDRESS).orElse(null), allowedHosts(connection),
                TrustedCaTable.list(connection), CrlTable.list(connection), PartnerTable.list(connection),
                inside(connection), RouteTable.list(connection), timeouts(connection), limits(connection), problems);
    }

    /** The outgoing allow-list; empty when not set. */
    public static List<String> allowedHosts(Connection connection) throws SQLException {
        return SettingsTable.get(connection, Setting.OUTGOING_ALLOWED_HOSTS)
                .map(hosts -> List.of(hosts.split(","))).orElse(List.of());
    }

    private TlsIdentity identity(Connection connection, IdentityPurpose purpose, String field, List<String> problems)
            throws SQLException {
        try {
            return identities.get(connection, purpose).orElse(null);
        } catch (BackendException | ConfigException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    /** The inside daemon, or null if its host is not set. */
    public static InsideConfig inside(Connection connection) throws SQLException {
        Optional<String> host = SettingsTable.get(connection, Setting.INSIDE_HOST);
        if (host.isEmpty()) {
            return null;
        }
        return new InsideConfig(host.get(),
                SettingsTable.getInt(connection, Setting.INSIDE_PORT).orElse(InsideConfig.DEFAULT_PORT),
                SettingsTable.getDuration(connection, Setting.INSIDE_CONNECT_TIMEOUT)
                        .orElse(InsideConfig.DEFAULT_CONNECT_TIMEOUT));
    }

    /** The timeouts, each at its default where not set. */
    public static TimeoutConfig timeouts(Connection connection) throws SQLException {
        return new TimeoutConfig(
                duration(connection, Setting.TIMEOUT_TLS_HANDSHAKE, TimeoutConfig.DEFAULT_TLS_HANDSHAKE),
                duration(connection, Setting.TIMEOUT_SSID, TimeoutConfig.DEFAULT_SSID),
                duration(connection, Setting.TIMEOUT_IDLE, TimeoutConfig.DEFAULT_IDLE));
    }

    /** The limits, each at its default where not set. */
    public static LimitConfig limits(Connection connection) throws SQLException {
        return new LimitConfig(
                SettingsTable.getInt(connection, Setting.LIMIT_MAX_SESSIONS).orElse(LimitConfig.DEFAULT_MAX_SESSIONS),
                SettingsTable.getInt(connection, Setting.LIMIT_CONNECTIONS_PER_MINUTE)
                        .orElse(LimitConfig.DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE));
    }

    private static Duration duration(Connection connection, Setting setting, Duration fallback) throws SQLException {
        return SettingsTable.getDuration(connection, setting).orElse(fallback);
    }
}
