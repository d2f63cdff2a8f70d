package org.portcullis.license;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key whose licenses are accepted, and what to call it in messages: the vendor key built into
 * Portcullis, or a file given with {@code --license-trust} (a self-hosting organisation's key, a test's key).
 */
public record TrustedKey(String name, PublicKey key) {
    /**
     * The Portcullis vendor's license signing key. Its private half is kept off the repository by the vendor; a
     * self-hosting organisation makes its own pair with {@code license-tool keygen} and trusts it explicitly.
     */
    private static final String VENDOR_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAvnuucSOh1FM97AebhftAf9Q1lkhAV5DE07pIuSNQuUk=
            -----END PUBLIC KEY-----
            """;

    public TrustedKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    /** The vendor key built into Portcullis. */
    public static TrustedKey builtIn() {
        return new TrustedKey("built-in vendor key", LicenseKeys.publicKey(VENDOR_KEY_PEM));
    }

    /**
     * The public key in a PEM file, named by its path.
     *
     * @throws IllegalArgumentException if the file holds no Ed25519 public key
     */
    public static TrustedKey read(Path file) throws IOException {
        return new TrustedKey(file.toString(), LicenseKeys.readPublicKey(file));
    }

    /** The key's SHA-256 fingerprint, {@code SHA256:...}. */
    public String fingerprint() {
        return LicenseKeys.fingerprint(key);
    }

    /** The name and the fingerprint, e.g. "built-in vendor key (SHA256:...)". */
    @Override
    public String toString() {
        return name + " (" + fingerprint() + ")";
    }
}
