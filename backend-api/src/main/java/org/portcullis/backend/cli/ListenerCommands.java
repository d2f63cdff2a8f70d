package org.portcullis.backend.cli;

import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.ListenerTable;
import org.portcullis.config.Addresses;
import org.portcullis.config.ListenerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code listener add|list|remove}: relay-server's public OFTP2-over-TLS listeners (RFC 5024 section 2.3). */
@Command(name = "listener", mixinStandardHelpOptions = true, description = "Manages relay-server's public listeners.")
public final class ListenerCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a listener, [IP:]PORT (IP 0.0.0.0).")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "[IP:]PORT") String address) {
        return Admin.run(spec, store, (session, out) -> {
            ListenerConfig listener = parse(address);
            if (!session.database().write(c -> ListenerTable.insert(c, listener))) {
                throw AdminException.failed("listener " + display(listener) + " exists");
            }
            LOG.info("listener {} added", display(listener));
            out.println("listener " + display(listener) + " added");
            return Admin.OK;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the listeners.")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            session.database().read(ListenerTable::list).forEach(listener -> out.println(display(listener)));
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a listener.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "[IP:]PORT") String address) {
        return Admin.run(spec, store, (session, out) -> {
            ListenerConfig listener = parse(address);
            if (!session.database().write(c -> ListenerTable.delete(c, listener))) {
                throw AdminException.failed("no listener " + display(listener));
            }
            LOG.info("listener {} removed", display(listener));
            out.println("listener " + display(listener) + " removed");
            return Admin.OK;
        });
    }

    private static ListenerConfig parse(String text) {
        InetSocketAddress address = Addresses.parseListenAddress(text, "0.0.0.0", ListenerConfig.DEFAULT_PORT);
        return new ListenerConfig(Addresses.display(address.getAddress()), address.getPort());
    }

    private static String display(ListenerConfig listener) {
        return Addresses.display(listener.socketAddress());
    }
}
