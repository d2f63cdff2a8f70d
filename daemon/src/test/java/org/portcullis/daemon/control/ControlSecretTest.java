package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.DaemonException;

class ControlSecretTest {
    static final String SECRET = "s3cret-control-token-0123456789";

    @TempDir
    Path dir;

    /** A secret file as an installer makes it: mode 0600. */
    static Path write(Path file, String secret) throws IOException {
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void readsTheFirstLineOfAPrivateFileAndMatchesOnlyIt() throws IOException {
        ControlSecret secret = ControlSecret.read(write(dir.resolve("d.secret"), SECRET));
        assertTrue(secret.matches(SECRET));
        assertFalse(secret.matches(SECRET + "x"));
        assertFalse(secret.matches(""));
        assertFalse(secret.toString().contains(SECRET));
    }

    @Test
    void refusesAFileGroupOrOthersCanReadOrWrite() throws IOException {
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw--w----", "rw-------"}) {
            Path file = write(dir.resolve("d-" + mode + ".secret"), SECRET);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            if (mode.equals("rw-------")) {
                ControlSecret.read(file);
                continue;
            }
            DaemonException refused = assertThrows(DaemonException.class, () -> ControlSecret.read(file));
            assertEquals(DaemonException.SETUP_FAILED, refused.exitCode());
            assertTrue(refused.getMessage().contains("is open to group or others"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("chmod 600 " + file), refused.getMessage());
        }
    }

    @Test
    void refusesAMissingFileAndAShortSecret() throws IOException {
        DaemonException missing = assertThrows(DaemonException.class,
                () -> ControlSecret.read(dir.resolve("none.secret")));
        assertTrue(missing.getMessage().contains("does not exist; create it"), missing.getMessage());
        DaemonException tooShort = assertThrows(DaemonException.class,
                () -> ControlSecret.read(write(dir.resolve("short.secret"), "short")));
        assertTrue(tooShort.getMessage().contains("shorter than 16"), tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains("short\n"));
    }
}
