package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send folder: which files go out and under which SFID identity (RFC 5024 §5.3.3). */
class OutboxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:15Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void listsValidNamesSortedAndSkipsHiddenFoldersAndInvalidNames() throws Exception {
        for (String name : new String[] {"B.TXT", "A.TXT", ".hidden", "lower.txt", "WITH SPACE", "X".repeat(27)}) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectories(dir.resolve("SUB"));

        assertEquals(List.of(dir.resolve("A.TXT"), dir.resolve("B.TXT")), new Outbox(dir, CLOCK).files("[t]"));
    }

    @Test
    void stampsDistinctIdentitiesAndKeepsACutTransfersIdentity() throws Exception {
        Path file = Files.write(dir.resolve("A.TXT"), new byte[5000]);
        Outbox outbox = new Outbox(dir, CLOCK);

        OutgoingFile first = outbox.prepare(file);
        OutgoingFile second = outbox.prepare(file);
        assertEquals("20261121", first.date());
        assertEquals("0930150001", first.time());
        assertEquals("0930150002", second.time());
        assertEquals(5, first.sizeBlocks(), "1K blocks rounded up");

        outbox.interrupted(first, 3 * 1024 + 100);
        OutgoingFile resumed = new Outbox(dir, CLOCK).prepare(file);
        assertEquals(first.time(), resumed.time());
        assertEquals(3, resumed.restartBlocks());
    }

    @Test
    void deliveredMovesTheFileToSentAndIgnoresForeignNames() throws Exception {
        Files.writeString(dir.resolve("A.TXT"), "x");
        Outbox outbox = new Outbox(dir, CLOCK);

        assertFalse(outbox.delivered("../A.TXT"));
        assertTrue(outbox.delivered("A.TXT"));
        assertTrue(Files.isRegularFile(dir.resolve("sent/A.TXT")));
        assertFalse(outbox.delivered("A.TXT"));
    }
}
