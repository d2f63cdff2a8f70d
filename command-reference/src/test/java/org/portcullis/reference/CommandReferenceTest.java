package org.portcullis.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/commands.md is what the programs' Picocli definitions say, and covers every program in bin/. */
class CommandReferenceTest {
    private static final Path DOC = Path.of(System.getProperty("commands.doc", "../docs/commands.md"));
    private static final Path BIN = Path.of(System.getProperty("commands.bin", "../bin"));
    private static final Path GENERATED = Path.of(System.getProperty("commands.generated", "target/commands.md"));

    @Test
    void docsCommandsMdMatchesThePrograms() throws IOException {
        String generated = CommandReference.render(CommandReference.programs());
        Files.createDirectories(GENERATED.toAbsolutePath().getParent());
        Files.writeString(GENERATED, generated, StandardCharsets.UTF_8);
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : null;
        if (!generated.equals(committed)) {
            fail("docs/commands.md is stale (" + (committed == null ? "it does not exist"
                    : firstDifference(committed, generated)) + "). The programs' "
                    + "command lines changed; take the reference written just now from them:\n    cp "
                    + GENERATED.toAbsolutePath().normalize() + " " + DOC.toAbsolutePath().normalize());
        }
    }

    @Test
    void everyLauncherInBinIsInTheReference() throws IOException {
        Set<String> launchers;
        try (Stream<Path> files = Files.list(BIN)) {
            launchers = files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(launchers, new TreeSet<>(CommandReference.programs().keySet()),
                "bin/ and CommandReference.programs() must name the same programs");
    }

    @Test
    void everySubcommandHasASectionAndAnEntryInTheContents() {
        String reference = CommandReference.render(CommandReference.programs());
        for (var program : CommandReference.programs().values()) {
            for (CommandLine command : CommandReference.commands(program.get())) {
                String name = command.getCommandSpec().qualifiedName();
                assertTrue(reference.contains("# " + name + "\n"), () -> "no section for " + name);
                assertTrue(reference.contains("](#" + CommandReference.anchor(name) + ")"),
                        () -> "no contents entry for " + name);
            }
        }
    }

    @Test
    void subcommandsAreListedUnderTheirProgram() {
        List<String> names = CommandReference.commands(CommandReference.programs().get("relay-client").get())
                .stream().map(command -> command.getCommandSpec().qualifiedName()).toList();
        assertEquals(List.of("relay-client", "relay-client verify-config", "relay-client hash-password",
                "relay-client ctl", "relay-client ctl kill-session", "relay-client ctl loglevel",
                "relay-client ctl metrics", "relay-client ctl sessions", "relay-client ctl status"), names);
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("relay-server-verify-config", CommandReference.anchor("relay-server verify-config"));
        assertEquals("oftp2-peer", CommandReference.anchor("oftp2-peer"));
    }

    private static String firstDifference(String committed, String generated) {
        List<String> old = committed.lines().toList();
        List<String> now = generated.lines().toList();
        for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
            if (!old.get(i).equals(now.get(i))) {
                return "line " + (i + 1) + " is \"" + old.get(i) + "\", the programs say \"" + now.get(i) + "\"";
            }
        }
        return old.size() < now.size() ? "it ends at line " + old.size() + " of " + now.size()
                : "it has " + (old.size() - now.size()) + " more line(s) than the programs say";
    }
}
