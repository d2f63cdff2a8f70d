package org.portcullis.license;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseKeysTest {
    @TempDir
    Path dir;

    @Test
    void thePrivateKeyFileIsTheOwnersOnlyAndBothReadBack() throws Exception {
        KeyPair pair = LicenseKeys.generate();
        LicenseKeys.write(pair, dir.resolve("vendor.key"), dir.resolve("vendor.pub"));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vendor.key"))));
        assertTrue(Files.readString(dir.resolve("vendor.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("vendor.pub")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertArrayEquals(pair.getPublic().getEncoded(),
                LicenseKeys.readPublicKey(dir.resolve("vendor.pub")).getEncoded());
        byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = LicenseKeys.sign(LicenseKeys.readPrivateKey(dir.resolve("vendor.key")), data);
        assertTrue(LicenseKeys.verify(pair.getPublic(), data, signature));
        assertFalse(LicenseKeys.verify(LicenseKeys.generate().getPublic(), data, signature));
    }

    @Test
    void existingKeyFilesAreNeverOverwritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("vendor.pub"), "keep me");
        assertThrows(FileAlreadyExistsException.class,
                () -> LicenseKeys.write(LicenseKeys.generate(), dir.resolve("vendor.key"), existing));
        assertFalse(Files.exists(dir.resolve("vendor.key")), "nothing written when either file exists");
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void aFileWithoutTheRightPemBlockIsRefusedWithoutQuotingIt() throws Exception {
        KeyPair pair = LicenseKeys.generate();
        LicenseKeys.write(pair, dir.resolve("vendor.key"), dir.resolve("vendor.pub"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LicenseKeys.readPublicKey(dir.resolve("vendor.key")));
        assertEquals("holds no PEM block '-----BEGIN PUBLIC KEY-----'", e.getMessage());
        Path notEd25519 = Files.writeString(dir.resolve("x.pub"),
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertEquals("is not an Ed25519 public key",
                assertThrows(IllegalArgumentException.class, () -> LicenseKeys.readPublicKey(notEd25519)).getMessage());
    }

    @Test
    void theBuiltInVendorKeyIsAnEd25519PublicKey() {
        TrustedKey vendor = TrustedKey.builtIn();
        assertEquals("built-in vendor key", vendor.name());
        assertEquals("SHA256:d51yqndM/8nteyDNuylrxHv/3oYgeKUpCpVNrNp6rZE", vendor.fingerprint());
    }
}
