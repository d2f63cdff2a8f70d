package org.portcullis.backend.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.config.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outgoing source|any-source|show}: the local address relay-server dials partners from. (Its client
 * certificate is {@code identity import outgoing}.)
 */
@Command(name = "outgoing", mixinStandardHelpOptions = true,
        description = "Sets the source address of outgoing sessions (the certificate: identity import outgoing).")
public final class OutgoingCommands {
    private static final Logger LOG = LogManager.getLogger();

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

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the outgoing source address.")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            out.println("outgoing source address: " + session.database()
                    .read(c -> SettingsTable.get(c, Setting.OUTGOING_SOURCE_ADDRESS)).orElse("any"));
            return Admin.OK;
        });
    }
}
