package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.event.IgnoreRule;
import org.portcullis.backend.event.IgnoreRuleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ignore add|list|remove}: log-ignore rules. An event whose message contains the pattern (ignoring case)
 * while the rule is valid is logged at INFO instead of running the event script.
 */
@Command(name = "ignore", mixinStandardHelpOptions = true, description = "Manages the log-ignore rules for events.")
public final class IgnoreCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    /** When the rule applies. */
    static final class Window {
        @Option(names = "--from", paramLabel = "TIME",
                description = "ISO-8601 time it starts, e.g. 2025-03-01T08:00:00Z")
        String from;

        @Option(names = "--until", paramLabel = "TIME", description = "ISO-8601 time it ends")
        String until;

        @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "it ends this long after it starts, e.g. 8h")
        Duration length;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a rule; prints its number.")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "PATTERN") String pattern,
            @Option(names = "--description", required = true, paramLabel = "TEXT", description = "why it exists")
            String description, @Mixin Window window) {
        return Admin.run(spec, store, (session, out) -> add(session, out,
                new IgnoreRule(0, pattern, description, null, null), window));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the rules.")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            Instant now = Instant.now();
            for (IgnoreRule rule : session.database().read(IgnoreRuleTable::list)) {
                String state = rule.isExpired(now) ? "expired" : rule.appliesAt(now) ? "active" : "not yet";
                out.printf("%d [%s] \"%s\" from %s until %s: %s%n", rule.id(), state, rule.pattern(),
                        rule.validFrom() == null ? "-" : rule.validFrom(), rule.validUntil() == null ? "-"
                                : rule.validUntil(), rule.description());
            }
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a rule.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "NUMBER") long id) {
        return Admin.run(spec, store, (session, out) -> {
            if (!session.database().write(c -> IgnoreRuleTable.delete(c, id))) {
                throw AdminException.failed("no ignore rule " + id);
            }
            LOG.info("ignore rule {} removed", id);
            out.println("ignore rule " + id + " removed");
            return Admin.OK;
        });
    }

    private static Instant time(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AdminException.badInput(option + " \"" + text + "\" is not an ISO-8601 time with an offset, like"
                    + " 2025-03-01T08:00:00Z");
        }
    }

    private static int add(AdminSession session, PrintWriter out, IgnoreRule given, Window window) {
        Instant from = time(window.from, "--from");
        Instant until = time(window.until, "--until");
        if (window.length != null) {
            if (until != null) {
                throw AdminException.badInput("give --until or --for, not both");
            }
            until = (from != null ? from : Instant.now()).plus(window.length);
        }
        IgnoreRule rule = new IgnoreRule(0, given.pattern(), given.description(), from, until);
        long id = session.database().write(c -> IgnoreRuleTable.insert(c, rule));
        LOG.info("ignore rule {} added: \"{}\" ({}), from {} until {}", id, rule.pattern(), rule.description(),
                from == null ? "now" : from, until == null ? "ever" : until);
        out.println("ignore rule " + id + " added");
        return Admin.OK;
    }
}
