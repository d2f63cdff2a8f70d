package org.portcullis.backend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.backend.BackendException;
import org.portcullis.config.ListenerConfig;

class DatabaseTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final AtomicInteger signals = new AtomicInteger();
    private final DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:db-" + NAMES.incrementAndGet(), null,
            null);
    private final Database database = Database.open(settings, signals::incrementAndGet);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void schemaIsMigratedOnceAndRecorded() {
        try (Database again = Database.open(settings, () -> { })) {
            int version = again.read(c -> Sql.first(c, "SELECT MAX(version) FROM schema_version",
                    row -> row.getInt(1)).orElseThrow());
            int migrations = again.read(c -> Sql.first(c, "SELECT COUNT(*) FROM schema_version",
                    row -> row.getInt(1)).orElseThrow());
            assertEquals(Migrations.latest(), version);
            assertEquals(Migrations.ALL.size(), migrations);
        }
    }

    @Test
    void databaseNewerThanTheCodeIsRefused() {
        database.transaction(c -> Sql.update(c, "INSERT INTO schema_version (version, description, applied_at)"
                + " VALUES (?, 'from the future', 0)", Migrations.latest() + 1));

        BackendException refused = assertThrows(BackendException.class, () -> Database.open(settings, () -> { }));

        assertTrue(refused.getMessage().contains("newer than this backend-api knows"), refused.getMessage());
    }

    @Test
    void writesSignalAfterCommitAndFailedWorkRollsBack() {
        database.write(c -> ListenerTable.insert(c, new ListenerConfig("0.0.0.0", 6619)));
        assertEquals(1, signals.get());

        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            ListenerTable.insert(c, new ListenerConfig("0.0.0.0", 6620));
            throw new IllegalStateException("fails half-way");
        }));
        assertThrows(BackendException.class, () -> database.write(c -> Sql.update(c, "INSERT INTO nowhere VALUES (1)")));

        assertEquals(1, database.read(ListenerTable::list).size());
        assertEquals(1, signals.get(), "only the committed write signalled");
    }

    @Test
    void settingsAreUpsertedAndRemoved() {
        database.write(c -> {
            SettingsTable.put(c, Setting.INSIDE_HOST, "a");
            SettingsTable.put(c, Setting.INSIDE_HOST, "b");
            return null;
        });

        assertEquals("b", database.read(c -> SettingsTable.get(c, Setting.INSIDE_HOST)).orElseThrow());
        boolean removed = database.write(c -> SettingsTable.remove(c, Setting.INSIDE_HOST));
        assertTrue(removed);
        assertTrue(database.read(c -> SettingsTable.get(c, Setting.INSIDE_HOST)).isEmpty());
    }

    @Test
    void displayUrlHidesParameters() {
        assertEquals("jdbc:postgresql://db/portcullis", new DatabaseSettings(
                "jdbc:postgresql://db/portcullis?user=u&password=secret", null, null).displayUrl());
        assertEquals("jdbc:h2:file:/data/backend", new DatabaseSettings("jdbc:h2:file:/data/backend;AUTO_SERVER=TRUE",
                "u", "secret").displayUrl());
        assertTrue(!new DatabaseSettings("jdbc:x", "u", "secret").toString().contains("secret"));
    }
}
