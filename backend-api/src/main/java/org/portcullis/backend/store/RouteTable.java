package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.portcullis.config.RouteConfig;

/** The outgoing routes ({@code routes}), in name order. */
public final class RouteTable {
    private static final String COLUMNS =
            "name, listen_address, listen_port, partner_odette_id, partner_host, partner_port, egress_proxy";

    private RouteTable() {
    }

    /** Every route. */
    public static List<RouteConfig> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM routes ORDER BY name", RouteTable::route);
    }

    /** The route with this name. */
    public static Optional<RouteConfig> get(Connection connection, String name) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM routes WHERE name = ?", RouteTable::route, name);
    }

    /** Adds a route; its name must be new. */
    public static void insert(Connection connection, RouteConfig route) throws SQLException {
        Sql.update(connection, "INSERT INTO routes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", route.name(),
                route.listenAddress(), route.listenPort(), route.partnerOdetteId(), route.partnerHost(),
                route.partnerPort(), Sql.text(route.egressProxy()));
    }

    /** Replaces the route with the same name; false if there is none. */
    public static boolean update(Connection connection, RouteConfig route) throws SQLException {
        return Sql.update(connection, "UPDATE routes SET listen_address = ?, listen_port = ?, partner_odette_id = ?,"
                        + " partner_host = ?, partner_port = ?, egress_proxy = ? WHERE name = ?",
                route.listenAddress(), route.listenPort(), route.partnerOdetteId(), route.partnerHost(),
                route.partnerPort(), Sql.text(route.egressProxy()), route.name()) > 0;
    }

    /** Removes the route; false if there is none. */
    public static boolean delete(Connection connection, String name) throws SQLException {
        return Sql.update(connection, "DELETE FROM routes WHERE name = ?", name) > 0;
    }

    /** Removes every route. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM routes");
    }

    private static RouteConfig route(ResultSet row) throws SQLException {
        return new RouteConfig(row.getString("name"), row.getString("listen_address"), row.getInt("listen_port"),
                row.getString("partner_odette_id"), row.getString("partner_host"), row.getInt("partner_port"),
                row.getString("egress_proxy"));
    }
}
