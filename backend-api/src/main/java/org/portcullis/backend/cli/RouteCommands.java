package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.RouteTable;
import org.portcullis.config.RouteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code route add|update|list|remove}: the outgoing routes, inside daemon to partner. */
@Command(name = "route", mixinStandardHelpOptions = true, description = "Manages the outgoing routes.")
public final class RouteCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a route (--partner and --host required).")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "NAME") String name, @Mixin RouteOptions options) {
        return Admin.run(spec, store, (session, out) -> add(session, out, name, options));
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Changes a route: each option given replaces that field.")
    int update(@Mixin StoreOptions store, @Parameters(paramLabel = "NAME") String name, @Mixin RouteOptions options) {
        return Admin.run(spec, store, (session, out) -> {
            Optional<RouteConfig> changed = session.database().write(c -> {
                Optional<RouteConfig> route = RouteTable.get(c, name).map(options::applyTo);
                if (route.isPresent()) {
                    RouteTable.update(c, route.get());
                }
                return route;
            });
            RouteConfig route = changed.orElseThrow(() -> AdminException.failed("no route " + name));
            LOG.info("route {} updated", name);
            out.println("route " + name + " updated: " + describe(route));
            return Admin.OK;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the routes.")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            for (RouteConfig route : session.database().read(RouteTable::list)) {
                out.println(route.name() + ": " + describe(route));
            }
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a route.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "NAME") String name) {
        return Admin.run(spec, store, (session, out) -> {
            if (!session.database().write(c -> RouteTable.delete(c, name))) {
                throw AdminException.failed("no route " + name);
            }
            LOG.info("route {} removed", name);
            out.println("route " + name + " removed");
            return Admin.OK;
        });
    }

    private static String describe(RouteConfig route) {
        return route.listenAddress() + ":" + route.listenPort() + " -> " + route.partnerOdetteId() + " at "
                + route.partnerHost() + ":" + route.partnerPort()
                + (route.egressProxy() == null ? "" : " via " + route.egressProxy());
    }

    private static int add(AdminSession session, PrintWriter out, String name, RouteOptions options) {
        RouteConfig route = options.create(name);
        boolean added = session.database().write(c -> {
            if (RouteTable.get(c, name).isPresent()) {
                return false;
            }
            RouteTable.insert(c, route);
            return true;
        });
        if (!added) {
            throw AdminException.failed("route " + name + " exists; change it with: route update");
        }
        LOG.info("route {} added", name);
        out.println("route " + name + " added: " + describe(route));
        return Admin.OK;
    }
}
