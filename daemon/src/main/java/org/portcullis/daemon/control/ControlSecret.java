package org.portcullis.daemon.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import org.portcullis.daemon.DaemonException;

/**
 * The control port's shared secret: the first line of a file only the service user may read (mode 0600 or
 * 0400). The daemon refuses to start with a file that group or others can read or write; the secret itself is
 * never logged. Compared in constant time.
 */
public final class ControlSecret {
    /** Shorter secrets are too easy to guess. */
    static final int MIN_LENGTH = 16;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final byte[] digest;

    private ControlSecret(String secret) {
        this.digest = sha256(secret);
    }

    /** A secret from memory: for tests. */
    static ControlSecret of(String secret) {
        return new ControlSecret(secret);
    }

    /**
     * Reads the secret a daemon checks requests against.
     *
     * @throws DaemonException {@link DaemonException#SETUP_FAILED} when the file is missing, unreadable, too open
     *                         or holds too short a secret
     */
    public static ControlSecret read(Path file) {
        Set<PosixFilePermission> open;
        try {
            open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException e) {
            throw failure("the control secret file " + file + " does not exist; create it: umask 077; head -c 32 "
                    + "/dev/urandom | base64 > " + file, e);
        } catch (IOException | UnsupportedOperationException e) {
            throw failure("cannot read the control secret file " + file + ": " + e, e);
        }
        open.retainAll(GROUP_OR_OTHERS);
        if (!open.isEmpty()) {
            throw new DaemonException(DaemonException.SETUP_FAILED, "the control secret file " + file
                    + " is open to group or others (" + open + "); make it readable by the service user only: "
                    + "chmod 600 " + file);
        }
        String secret = firstLine(file);
        if (secret.length() < MIN_LENGTH) {
            throw new DaemonException(DaemonException.SETUP_FAILED, "the control secret in " + file + " is shorter "
                    + "than " + MIN_LENGTH + " characters");
        }
        return new ControlSecret(secret);
    }

    /** The first line of a secret file, for the ctl front end; no permission check (it may run as root). */
    public static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw failure("cannot read the control secret file " + file + ": " + e, e);
        }
    }

    /** Whether {@code offered} is the secret; the time taken does not depend on where they differ. */
    public boolean matches(String offered) {
        return MessageDigest.isEqual(digest, sha256(offered));
    }

    private static DaemonException failure(String message, Exception cause) {
        return new DaemonException(DaemonException.SETUP_FAILED, message, cause);
    }

    /** Digests first: equal lengths, so isEqual compares every octet whatever the lengths offered. */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ControlSecret[hidden]";
    }
}
