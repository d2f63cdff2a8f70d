package org.portcullis.backend.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.BackendException;

/**
 * The 256-bit AES key that seals private keys at rest, read from a file holding its base64 text on one line. The
 * file must be readable by its owner only (mode 0600 or 0400): a key others can read protects nothing, so
 * {@link #load} refuses it.
 */
public final class MasterKey {
    /** AES-256. */
    public static final int KEY_OCTETS = 32;

    private static final Logger LOG = LogManager.getLogger();
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final SecretKey key;

    private MasterKey(byte[] octets) {
        this.key = new SecretKeySpec(octets, "AES");
    }

    /** A key from its octets (for tests and for a key already read). */
    public static MasterKey of(byte[] octets) {
        if (octets.length != KEY_OCTETS) {
            throw new IllegalArgumentException("a master key has " + KEY_OCTETS + " octets, not " + octets.length);
        }
        return new MasterKey(octets.clone());
    }

    /**
     * Reads the key file, refusing it unless only its owner may read or write it.
     *
     * @throws BackendException with a one-line message when the file is missing, too widely readable or malformed
     */
    public static MasterKey load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackendException("master key " + file + " does not exist (it is created on first use only at"
                    + " its default place, DATA/master.key)");
        }
        checkOwnerOnly(file);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] octets = Base64.getDecoder().decode(text);
            if (octets.length != KEY_OCTETS) {
                throw new BackendException("master key " + file + " must hold " + KEY_OCTETS
                        + " octets in base64 on one line");
            }
            return new MasterKey(octets);
        } catch (IllegalArgumentException e) {
            throw new BackendException("master key " + file + " is not base64 text", e);
        } catch (IOException e) {
            throw new BackendException("cannot read master key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the key file, or creates it with a fresh random key, readable by its owner only, if it is missing. */
    public static MasterKey loadOrCreate(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return load(file);
        }
        byte[] octets = new byte[KEY_OCTETS];
        new SecureRandom().nextBytes(octets);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, Base64.getEncoder().encodeToString(octets) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: use that one.
            return load(file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new BackendException("cannot create master key " + file + ": " + e.getMessage(), e);
        }
        LOG.info("created a new master key in {} (keep a copy: sealed private keys cannot be opened without it)",
                file);
        return new MasterKey(octets);
    }

    /** The AES key. */
    public SecretKey secretKey() {
        return key;
    }

    private static void checkOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new BackendException("master key " + file + " is readable or writable by others ("
                        + PosixFilePermissions.toString(permissions) + "); allow its owner only: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new BackendException("cannot read the permissions of master key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "MasterKey[AES-256, not shown]";
    }
}
