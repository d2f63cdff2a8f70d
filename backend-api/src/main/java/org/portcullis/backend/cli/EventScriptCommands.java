package org.portcullis.backend.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.event.EventScriptSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code event-script set|clear|show}: the program run for each event (arguments SEVERITY RELAY TIME MESSAGE,
 * the same as PORTCULLIS_EVENT_* environment variables; no shell in between).
 */
@Command(name = "event-script", mixinStandardHelpOptions = true, description = "Sets the program run for each event.")
public final class EventScriptCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets the event script.")
    int set(@Mixin StoreOptions store, @Parameters(paramLabel = "PROGRAM") Path script,
            @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                    description = "it is killed after this (default 30s)") Duration timeout) {
        return Admin.run(spec, store, (session, out) -> {
            Path absolute = script.toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute) || !Files.isExecutable(absolute)) {
                throw AdminException.failed(absolute + " is not an executable file");
            }
            EventScriptSettings settings = new EventScriptSettings(absolute,
                    timeout != null ? timeout : EventScriptSettings.DEFAULT_TIMEOUT);
            session.database().write(c -> {
                settings.write(c);
                return null;
            });
            LOG.info("event script set to {} (timeout {})", absolute, DurationConverter.format(settings.timeout()));
            out.println("event script: " + absolute + " (timeout " + DurationConverter.format(settings.timeout())
                    + ")");
            return Admin.OK;
        });
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "No event script: events are only logged.")
    int clear(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            session.database().write(c -> {
                EventScriptSettings.clear(c);
                return null;
            });
            LOG.info("event script cleared");
            out.println("event script: none");
            return Admin.OK;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the event script.")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            Optional<EventScriptSettings> settings = session.database().read(EventScriptSettings::read);
            out.println("event script: " + settings.map(s -> s.script() + " (timeout "
                    + DurationConverter.format(s.timeout()) + ")").orElse("none"));
            return Admin.OK;
        });
    }
}
