package org.portcullis.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.portcullis.backend.BackendApiMain;
import org.portcullis.license.cli.LicenseToolMain;
import org.portcullis.oftp2.peer.cli.PeerCli;
import org.portcullis.relay.client.RelayClientMain;
import org.portcullis.relay.server.RelayServerMain;
import org.portcullis.testkit.DemoPki;
import picocli.CommandLine;

/**
 * The command reference, docs/commands.md: every program of bin/ with every subcommand, each with its usage
 * help exactly as Picocli prints it for {@code --help}, so the reference is the code's own description.
 */
final class CommandReference {
    /** Columns of the usage text; wider than a terminal's 80, so fewer descriptions wrap. */
    static final int WIDTH = 100;

    static final String HEADER = """
            # Commands

            Every program in `bin/` with every subcommand, as each prints it for `--help`. This file is generated
            from the programs' Picocli definitions; do not edit it by hand. `mvn verify` fails when it is stale
            (`CommandReferenceTest` in module `command-reference`); to regenerate it:

            ```sh
            mvn -B -pl command-reference -am test -Dtest=CommandReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
            cp command-reference/target/commands.md docs/commands.md
            ```
            """;

    private CommandReference() {
    }

    /** The programs, by launcher name in bin/, in the order the reference lists them. */
    static Map<String, Supplier<CommandLine>> programs() {
        Map<String, Supplier<CommandLine>> programs = new LinkedHashMap<>();
        programs.put("relay-server", () -> new CommandLine(new RelayServerMain()));
        programs.put("relay-client", () -> new CommandLine(new RelayClientMain()));
        programs.put("backend-api", () -> new CommandLine(new BackendApiMain()));
        programs.put("license-tool", () -> new CommandLine(new LicenseToolMain()));
        programs.put("oftp2-peer", PeerCli::commandLine);
        programs.put("portcullis-pki", () -> new CommandLine(new DemoPki()));
        return programs;
    }

    /** The whole reference as Markdown. */
    static String render(Map<String, Supplier<CommandLine>> programs) {
        StringBuilder contents = new StringBuilder("\n## Contents\n\n");
        StringBuilder sections = new StringBuilder();
        for (Map.Entry<String, Supplier<CommandLine>> program : programs.entrySet()) {
            for (CommandLine command : commands(program.getValue().get())) {
                String name = command.getCommandSpec().qualifiedName();
                int depth = depth(command);
                contents.append("  ".repeat(depth)).append("- [").append(name).append("](#")
                        .append(anchor(name)).append(")\n");
                sections.append('\n').append(depth == 0 ? "## " : "### ").append(name).append("\n\n");
                if (depth == 0) {
                    sections.append("Launcher: `bin/").append(program.getKey()).append("`.\n\n");
                }
                sections.append("```text\n").append(usage(command)).append("```\n");
            }
        }
        return HEADER + contents + sections;
    }

    /** The command and its visible subcommands, depth first, in their declared order. */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            // Aliases map to the same CommandLine: list each once, under its own name.
            boolean alias = !sub.getCommandName().equals(sub.getCommandSpec().name());
            if (!alias && !sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
                all.addAll(commands(sub));
            }
        }
        return all;
    }

    private static String usage(CommandLine command) {
        command.setUsageHelpAutoWidth(false);
        command.setUsageHelpWidth(WIDTH);
        String text = command.getUsageMessage(CommandLine.Help.Ansi.OFF).replace("\r\n", "\n");
        // No trailing blanks, so an editor that strips them cannot make the file look stale.
        return text.lines().map(String::stripTrailing).reduce(new StringBuilder(),
                (out, line) -> out.append(line).append('\n'), StringBuilder::append).toString();
    }

    private static int depth(CommandLine command) {
        int depth = 0;
        for (CommandLine parent = command.getParent(); parent != null; parent = parent.getParent()) {
            depth++;
        }
        return depth;
    }

    /** GitHub's anchor for a heading: lower case, spaces to hyphens, other punctuation but hyphens dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
