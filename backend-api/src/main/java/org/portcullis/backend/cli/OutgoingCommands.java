package org.portcullis.backend.cli;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.config.Addresses;
import org.portcullis.proxy.host.HostAllowList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outgoing source|any-source|allowed-hosts|route-hosts-only|show}: the local address relay-server dials
 * partners from, and the hosts outgoing routes may reach ({@code outgoing.allowedHosts}). (Its client certificate
 * is {@code identity import outgoing}.)
 */
@Command(name = "outgoing", mixinStandardHelpOptions = true,
        description = {"Sets the source address of outgoing sessions and the hosts they may reach (the certificate: "
                + "identity import outgoing)."})
public final class OutgoingCommands {
    private static final Logger LOG = LogManager.getLogger();
    private static final String ROUTE_HOSTS_ONLY = "each route's own partner host only";

    @Spec
    private CommandSpec spec;

    @Command(name = "source", mixinStandardHelpOptions = true,
            description = "Dials partners from this local IP address (one of relay-server's own).")
    int source(@Mixin StoreOptions store, @Parameters(paramLabel = "IP") String address) {
        return Admin.run(spec, store, (session, out) -> {
            String normal = Addresses.display(Addresses.parseLiteral(address));
            session.database().write(c -> {
                SettingsTable.put(c, Setting.OUTGOING_SOURCE_ADDRESS, normal);
                return null;
            });
            LOG.info("outgoing source address set to {}", normal);
            out.println("outgoing source address: " + normal);
            return Admin.OK;
        });
    }

    @Command(name = "any-source", mixinStandardHelpOptions = true,
            description = "Dials partners from any local address (the default).")
    int anySource(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            session.database().write(c -> SettingsTable.remove(c, Setting.OUTGOING_SOURCE_ADDRESS));
            out.println("outgoing source address: any");
            return Admin.OK;
        });
    }

    @Command(name = "allowed-hosts", mixinStandardHelpOptions = true,
            description = {"Outgoing routes may reach these hosts only (outgoing.allowedHosts): exact hosts, "
                    + "*.suffix, IP addresses or CIDR ranges. A route to a host off the list is refused before any "
                    + "connection, with an audit line. Replaces the list."})
    int allowedHosts(@Mixin StoreOptions store, @Parameters(paramLabel = "HOST", arity = "1..*", split = ",",
            description = "an entry, or several separated by commas") List<String> hosts) {
        return Admin.run(spec, store, (session, out) -> {
            List<String> problems = HostAllowList.problems(hosts);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("outgoing allowed-hosts: " + String.join("; ", problems));
            }
            session.database().write(c -> {
                SettingsTable.put(c, Setting.OUTGOING_ALLOWED_HOSTS, String.join(",", hosts));
                return null;
            });
            LOG.info("outgoing allowed hosts set to {}", hosts);
            out.println("outgoing allowed hosts: " + String.join(", ", hosts));
            return Admin.OK;
        });
    }

    @Command(name = "route-hosts-only", mixinStandardHelpOptions = true,
            description = "Each outgoing route may reach its own partner host only (the default): no allowed-hosts.")
    int routeHostsOnly(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            session.database().write(c -> SettingsTable.remove(c, Setting.OUTGOING_ALLOWED_HOSTS));
            out.println("outgoing allowed hosts: " + ROUTE_HOSTS_ONLY);
            return Admin.OK;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows the outgoing source address and allowed hosts.")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            out.println("outgoing source address: " + session.database()
                    .read(c -> SettingsTable.get(c, Setting.OUTGOING_SOURCE_ADDRESS)).orElse("any"));
            List<String> hosts = session.database().read(StateReader::allowedHosts);
            out.println("outgoing allowed hosts: " + (hosts.isEmpty() ? ROUTE_HOSTS_ONLY : String.join(", ", hosts)));
            return Admin.OK;
        });
    }
}
