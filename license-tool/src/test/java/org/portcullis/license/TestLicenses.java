package org.portcullis.license;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A signing key made for one test, a fake host with its own machine ID, and license files for it. */
public final class TestLicenses {
    /** The tests' "now": noon UTC on 2025-06-15. */
    public static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** A machine ID and the Proxy ID it gives, worked out independently of the code under test. */
    public static final String MACHINE_ID = "0123456789abcdef0123456789abcdef";
    public static final ProxyId HERE = new ProxyId("PCX-4CF4-EAC3-7F87-CF69");
    public static final ProxyId ELSEWHERE = new ProxyId("PCX-0000-1111-2222-3333");

    private final Path dir;
    private final KeyPair keys = LicenseKeys.generate();

    public TestLicenses(Path dir) {
        this.dir = dir;
    }

    public KeyPair keys() {
        return keys;
    }

    public TrustedKey trustedKey() {
        return new TrustedKey("test key", keys.getPublic());
    }

    /** The built-in vendor key and this test's key, as relay-server started with --license-trust trusts them. */
    public List<TrustedKey> trusted() {
        return List.of(TrustedKey.builtIn(), trustedKey());
    }

    /** A machine ID file holding {@link #MACHINE_ID} (so its host is {@link #HERE}). */
    public HostIdentity host() throws IOException {
        return HostIdentity.of(write("machine-id", MACHINE_ID + "\n"));
    }

    /** A license for this host valid a year around today, five sessions at once. */
    public License validLicense() {
        return License.of("ACME Logistics GmbH", HERE, TODAY.minusMonths(6), TODAY.plusMonths(6)).withMaxSessions(5);
    }

    /** The license signed with this test's key, written to a new file. */
    public Path write(String name, License license) throws IOException {
        return write(name, LicenseFile.sign(license, keys.getPrivate()).text());
    }

    /** Text written to a new file in the test's folder. */
    public Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The key pair written as keygen writes it; returns the public key file. */
    public Path writeKeys(String privateName, String publicName) throws IOException {
        LicenseKeys.write(keys, dir.resolve(privateName), dir.resolve(publicName));
        return dir.resolve(publicName);
    }
}
