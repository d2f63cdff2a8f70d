package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;

/**
 * The partners ({@code partners}, with their pins in {@code partner_pins} and networks in
 * {@code partner_networks}), in Odette ID order; pins and networks sorted, so the document is the same for the
 * same state.
 */
public final class PartnerTable {
    private PartnerTable() {
    }

    /** Every partner. */
    public static List<PartnerConfig> list(Connection connection) throws SQLException {
        List<String> ids = Sql.list(connection, "SELECT odette_id FROM partners ORDER BY odette_id",
                row -> row.getString(1));
        List<PartnerConfig> partners = new ArrayList<>();
        for (String id : ids) {
            get(connection, id).ifPresent(partners::add);
        }
        return partners;
    }

    /** The partner with this Odette ID. */
    public static Optional<PartnerConfig> get(Connection connection, String odetteId) throws SQLException {
        Optional<String[]> row = Sql.first(connection,
                "SELECT password_hash, client_certificate FROM partners WHERE odette_id = ?",
                rows -> new String[] {rows.getString(1), rows.getString(2)}, odetteId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> pins = Sql.list(connection,
                "SELECT pin FROM partner_pins WHERE odette_id = ? ORDER BY pin", rows -> rows.getString(1), odetteId);
        List<String> networks = Sql.list(connection,
                "SELECT network FROM partner_networks WHERE odette_id = ? ORDER BY network",
                rows -> rows.getString(1), odetteId);
        return Optional.of(new PartnerConfig(odetteId, row.get()[0], pins, networks,
                ClientCertificatePolicy.valueOf(row.get()[1])));
    }

    /** True if a partner has this Odette ID. */
    public static boolean exists(Connection connection, String odetteId) throws SQLException {
        return Sql.first(connection, "SELECT 1 FROM partners WHERE odette_id = ?", row -> 1, odetteId).isPresent();
    }

    /** Adds a partner; its Odette ID must be new. */
    public static void insert(Connection connection, PartnerConfig partner) throws SQLException {
        Sql.update(connection, "INSERT INTO partners (odette_id, password_hash, client_certificate) VALUES (?, ?, ?)",
                partner.odetteId(), partner.passwordHash(), partner.clientCertificate().name());
        insertLists(connection, partner);
    }

    /** Replaces the partner with the same Odette ID; false if there is none. */
    public static boolean update(Connection connection, PartnerConfig partner) throws SQLException {
        int rows = Sql.update(connection, "UPDATE partners SET password_hash = ?, client_certificate = ?"
                + " WHERE odette_id = ?", partner.passwordHash(), partner.clientCertificate().name(),
                partner.odetteId());
        if (rows == 0) {
            return false;
        }
        Sql.update(connection, "DELETE FROM partner_pins WHERE odette_id = ?", partner.odetteId());
        Sql.update(connection, "DELETE FROM partner_networks WHERE odette_id = ?", partner.odetteId());
        insertLists(connection, partner);
        return true;
    }

    /** Removes the partner; false if there is none. */
    public static boolean delete(Connection connection, String odetteId) throws SQLException {
        Sql.update(connection, "DELETE FROM partner_pins WHERE odette_id = ?", odetteId);
        Sql.update(connection, "DELETE FROM partner_networks WHERE odette_id = ?", odetteId);
        return Sql.update(connection, "DELETE FROM partners WHERE odette_id = ?", odetteId) > 0;
    }

    /** Removes every partner. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM partner_pins");
        Sql.update(connection, "DELETE FROM partner_networks");
        Sql.update(connection, "DELETE FROM partners");
    }

    private static void insertLists(Connection connection, PartnerConfig partner) throws SQLException {
        for (String pin : partner.certificatePins().stream().distinct().toList()) {
            Sql.update(connection, "INSERT INTO partner_pins (odette_id, pin) VALUES (?, ?)", partner.odetteId(), pin);
        }
        for (String network : partner.allowedNetworks().stream().distinct().toList()) {
            Sql.update(connection, "INSERT INTO partner_networks (odette_id, network) VALUES (?, ?)",
                    partner.odetteId(), network);
        }
    }
}
