package org.portcullis.backend.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.backend.BackendException;

class MasterKeyTest {
    @TempDir
    Path folder;

    @Test
    void missingDefaultKeyIsCreatedOwnerOnly() throws IOException {
        Path file = folder.resolve("master.key");

        MasterKey created = MasterKey.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(MasterKey.KEY_OCTETS, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertEquals(created.secretKey(), MasterKey.load(file).secretKey());
    }

    @Test
    void keyOthersMayReadIsRefusedWithOneLine() throws IOException {
        Path file = folder.resolve("master.key");
        MasterKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        BackendException refused = assertThrows(BackendException.class, () -> MasterKey.load(file));

        assertTrue(refused.getMessage().contains("rw-r--r--"), refused.getMessage());
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        MasterKey.load(file);
    }

    @Test
    void malformedOrMissingKeysAreRefused() throws IOException {
        Path file = Files.createFile(folder.resolve("short.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]), StandardCharsets.US_ASCII);

        assertThrows(BackendException.class, () -> MasterKey.load(file));
        Files.writeString(file, "not base64 !", StandardCharsets.US_ASCII);
        assertThrows(BackendException.class, () -> MasterKey.load(file));
        assertThrows(BackendException.class, () -> MasterKey.load(folder.resolve("absent.key")));
        assertEquals("MasterKey[AES-256, not shown]", MasterKey.of(new byte[32]).toString());
    }
}
