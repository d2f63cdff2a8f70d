package org.portcullis.backend.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.config.Addresses;
import org.portcullis.config.InsideConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inside set|show}: the inside OFTP2 daemon relay-client connects incoming sessions to. */
@Command(name = "inside", mixinStandardHelpOptions = true, description = "Sets and shows the inside OFTP2 daemon.")
public final class InsideCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets the inside daemon, HOST[:PORT].")
    int set(@Mixin StoreOptions store, @Parameters(paramLabel = "HOST[:PORT]") String hostPort,
            @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                    description = "how long relay-client waits for the connection (default 10s)") Duration timeout) {
        return Admin.run(spec, store, (session, out) -> {
            InetSocketAddress address = Addresses.parseHostPort(hostPort, InsideConfig.DEFAULT_PORT);
            InsideConfig inside = new InsideConfig(address.getHostString(), address.getPort(),
                    timeout != null ? timeout : InsideConfig.DEFAULT_CONNECT_TIMEOUT);
            session.database().write(c -> {
                SettingsTable.put(c, Setting.INSIDE_HOST, inside.host());
                SettingsTable.put(c, Setting.INSIDE_PORT, Integer.toString(inside.port()));
                SettingsTable.putDuration(c, Setting.INSIDE_CONNECT_TIMEOUT, inside.connectTimeout());
                return null;
            });
            LOG.info("inside daemon set to {}", describe(inside));
            out.println("inside daemon: " + describe(inside));
            return Admin.OK;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the inside daemon.")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            InsideConfig inside = session.database().read(StateReader::inside);
            out.println("inside daemon: " + (inside == null ? "not set" : describe(inside)));
            return Admin.OK;
        });
    }

    private static String describe(InsideConfig inside) {
        String host = inside.host().indexOf(':') >= 0 ? "[" + inside.host() + "]" : inside.host();
        return host + ":" + inside.port() + " (connect timeout " + DurationConverter.format(inside.connectTimeout())
                + ")";
    }
}
