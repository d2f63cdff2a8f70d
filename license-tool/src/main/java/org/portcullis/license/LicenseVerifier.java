package org.portcullis.license;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a license file in this order, each failure its own {@link LicenseProblem}: it can be read, it is a
 * license file, a trusted key signed it, it is for this host's Proxy ID, and today lies in its validity.
 */
public final class LicenseVerifier {
    private final List<TrustedKey> trusted;
    private final Clock clock;

    /** Accepts licenses signed by any of the keys, dated against the clock. */
    public LicenseVerifier(List<TrustedKey> trusted, Clock clock) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key");
        }
        this.trusted = List.copyOf(trusted);
        this.clock = clock;
    }

    /**
     * The license in the file, if it is valid for this host now.
     *
     * @throws LicenseException why not, in one line starting "license FILE: "
     */
    public VerifiedLicense verify(Path file, ProxyId here) throws LicenseException {
        byte[] bytes = LicenseFile.readBytes(file);
        try {
            return verify(bytes, here);
        } catch (LicenseException e) {
            throw new LicenseException(e.problem(), "license " + file + ": " + e.getMessage());
        }
    }

    /**
     * The license in a file's bytes, if it is valid for this host now.
     *
     * @throws LicenseException why not, in one line
     */
    public VerifiedLicense verify(byte[] bytes, ProxyId here) throws LicenseException {
        LicenseFile.Signed signed = LicenseFile.split(bytes);
        // The signature first: fields are only interpreted once they are known to be the vendor's.
        TrustedKey signer = trusted.stream().filter(key -> LicenseKeys.verify(key.key(), signed.body(),
                signed.signature())).findFirst().orElseThrow(this::tampered);
        License license = LicenseFields.parse(signed.body());
        if (!license.proxyId().equals(here)) {
            throw new LicenseException(LicenseProblem.OTHER_HOST, "for another host: issued for Proxy ID "
                    + license.proxyId() + ", this host is " + here);
        }
        Instant now = clock.instant();
        if (now.isBefore(license.validFrom())) {
            throw new LicenseException(LicenseProblem.NOT_YET_VALID, "not yet valid: its first valid day is "
                    + license.notBefore() + " (UTC)");
        }
        if (!now.isBefore(license.validUntil())) {
            throw expired(license);
        }
        return new VerifiedLicense(license, signer);
    }

    /** The refusal of a license past its last day. */
    static LicenseException expired(License license) {
        return new LicenseException(LicenseProblem.EXPIRED, "expired: its last valid day was " + license.expires()
                + " (UTC)");
    }

    private LicenseException tampered() {
        String keys = trusted.stream().map(TrustedKey::toString).collect(Collectors.joining(", "));
        return new LicenseException(LicenseProblem.TAMPERED, "tampered: the signature does not verify with any"
                + " trusted key (" + keys + "): changed after signing, or signed by a key not trusted here");
    }
}
