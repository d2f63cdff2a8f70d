package org.portcullis.relay.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.testkit.TestPki;

class ConfigFileWatcherTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    /** Checks are driven by the test; the timer never fires within it. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path folder;

    private final ClientConfigs configs = new ClientConfigs(PKI);
    private final List<LoadedConfig> pushed = new CopyOnWriteArrayList<>();
    private Path file;
    private ConfigFileWatcher watcher;

    @BeforeEach
    void openValidFile() {
        file = folder.resolve("relay.json");
        ClientConfigs.write(file, configs.document("1", 3305, List.of()));
        watcher = ConfigFileWatcher.open(file, NEVER);
        watcher.start(pushed::add);
    }

    @AfterEach
    void close() {
        watcher.close();
    }

    @Test
    void readsTheFileAtOpen() {
        assertEquals("1", watcher.current().orElseThrow().config().revision());
        assertEquals(3305, watcher.current().orElseThrow().config().inside().port());
    }

    @Test
    void refusesAnInvalidFileAtOpenWithEveryError() {
        Path invalid = folder.resolve("invalid.json");
        ClientConfigs.write(invalid, ClientConfigs.text("{\"schemaVersion\": 1, \"surprise\": true}"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileWatcher.open(invalid, NEVER));
        assertTrue(e.errors().size() > 1, e.errors()::toString);
    }

    @Test
    void refusesAMissingFileAtOpen() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFileWatcher.open(folder.resolve("missing.json"), NEVER));
        assertTrue(e.getMessage().startsWith("cannot read "), e::getMessage);
    }

    @Test
    void loadsAndHandsOnAChangedFile() {
        ClientConfigs.write(file, configs.document("2", 3306, List.of()));
        watcher.check();
        assertEquals(1, pushed.size());
        assertEquals("2", pushed.get(0).config().revision());
        assertEquals(pushed.get(0), watcher.current().orElseThrow());
    }

    @Test
    void ignoresAnUnchangedFile() {
        watcher.check();
        watcher.check();
        assertTrue(pushed.isEmpty());
    }

    @Test
    void refusesAnInvalidNewFileWholeAndKeepsTheLastGoodOne() {
        ClientConfigs.write(file, configs.document("2", 3306, List.of()));
        watcher.check();
        ClientConfigs.write(file, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"3\"}"));
        watcher.check();
        watcher.check();
        assertEquals(1, pushed.size(), "the invalid file is not handed on");
        assertEquals("2", watcher.current().orElseThrow().config().revision());

        ClientConfigs.write(file, configs.document("4", 3307, List.of()));
        watcher.check();
        assertEquals(List.of("2", "4"), pushed.stream().map(config -> config.config().revision()).toList());
    }

    @Test
    void refusesMalformedAndOversizedFilesWholeAndKeepsTheLastGoodOne() {
        ClientConfigs.write(file, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"2\", \"listeners\": ["));
        watcher.check();
        ClientConfigs.write(file, oversized());
        watcher.check();
        assertTrue(pushed.isEmpty(), "neither is handed on");
        assertEquals("1", watcher.current().orElseThrow().config().revision());

        ClientConfigs.write(file, configs.document("3", 3307, List.of()));
        watcher.check();
        assertEquals(List.of("3"), pushed.stream().map(config -> config.config().revision()).toList());
    }

    @Test
    void refusesAnOversizedFileAtOpenWithoutParsingIt() {
        Path large = folder.resolve("large.json");
        ClientConfigs.write(large, oversized());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileWatcher.open(large, NEVER));
        assertTrue(e.getMessage().contains("exceed the limit of " + ConfigLoader.MAX_DOCUMENT_BYTES), e::getMessage);
    }

    /** A valid document padded with white space to one octet over the limit. */
    private byte[] oversized() {
        byte[] document = configs.document("big", 3308, List.of());
        byte[] padded = new byte[ConfigLoader.MAX_DOCUMENT_BYTES + 1];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(document, 0, padded, 0, document.length);
        return padded;
    }

    @Test
    void keepsTheLastGoodOneWhileTheFileIsMissing() throws IOException {
        Files.delete(file);
        watcher.check();
        assertTrue(pushed.isEmpty());
        assertEquals("1", watcher.current().orElseThrow().config().revision());
        assertFalse(Files.exists(file));

        ClientConfigs.write(file, configs.document("2", 3306, List.of()));
        watcher.check();
        assertEquals("2", watcher.current().orElseThrow().config().revision());
    }
}
