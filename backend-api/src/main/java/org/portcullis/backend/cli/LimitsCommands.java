package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.TimeoutConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code limits set|show}: relay-server's session timeouts and limits. */
@Command(name = "limits", mixinStandardHelpOptions = true, description = "Sets and shows session timeouts and limits.")
public final class LimitsCommands {
    @Spec
    private CommandSpec spec;

    /** Each option given replaces that value. */
    static final class Values {
        @Option(names = "--tls-handshake", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "the TLS handshake must complete within this (default 10s)")
        Duration tlsHandshake;

        @Option(names = "--ssid", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "the partner's SSID must arrive within this (default 30s)")
        Duration ssid;

        @Option(names = "--idle", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "a session silent this long is ended (default 5m)")
        Duration idle;

        @Option(names = "--max-sessions", paramLabel = "N", description = "concurrent sessions (default 1000)")
        Integer maxSessions;

        @Option(names = "--connections-per-minute", paramLabel = "N",
                description = "new connections per source address per minute (default 120)")
        Integer connectionsPerMinute;
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Changes the values given.")
    int set(@Mixin StoreOptions store, @Mixin Values values) {
        return Admin.run(spec, store, (session, out) -> set(session, out, values));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the timeouts and limits.")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, LimitsCommands::show);
    }

    private static int show(AdminSession session, PrintWriter out) {
        TimeoutConfig timeouts = session.database().read(StateReader::timeouts);
        LimitConfig limits = session.database().read(StateReader::limits);
        out.println("tlsHandshake:                  " + DurationConverter.format(timeouts.tlsHandshake()));
        out.println("ssid:                          " + DurationConverter.format(timeouts.ssid()));
        out.println("idle:                          " + DurationConverter.format(timeouts.idle()));
        out.println("maxSessions:                   " + limits.maxSessions());
        out.println("connectionsPerSourcePerMinute: " + limits.connectionsPerSourcePerMinute());
        return Admin.OK;
    }

    private static void putDuration(Connection c, Setting setting, Duration value) throws SQLException {
        if (value != null) {
            SettingsTable.putDuration(c, setting, value);
        }
    }

    private static void putInt(Connection c, Setting setting, Integer value) throws SQLException {
        if (value != null) {
            SettingsTable.put(c, setting, Integer.toString(value));
        }
    }

    private static int set(AdminSession session, PrintWriter out, Values values) {
        if (values.maxSessions != null) {
            new LimitConfig(values.maxSessions, 1);
        }
        if (values.connectionsPerMinute != null) {
            new LimitConfig(1, values.connectionsPerMinute);
        }
        session.database().write(c -> {
            putDuration(c, Setting.TIMEOUT_TLS_HANDSHAKE, values.tlsHandshake);
            putDuration(c, Setting.TIMEOUT_SSID, values.ssid);
            putDuration(c, Setting.TIMEOUT_IDLE, values.idle);
            putInt(c, Setting.LIMIT_MAX_SESSIONS, values.maxSessions);
            putInt(c, Setting.LIMIT_CONNECTIONS_PER_MINUTE, values.connectionsPerMinute);
            return null;
        });
        return show(session, out);
    }
}
