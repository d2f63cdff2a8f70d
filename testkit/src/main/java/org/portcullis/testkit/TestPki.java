package org.portcullis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PKI per test run for the TLS layer of RFC 5024 section 2.3: a trusted root CA, an untrusted
 * one, leaf identities in every state a test needs, CRLs, and a temporary folder for their PEM files.
 *
 * <p>Use it as a JUnit 5 extension, {@code @RegisterExtension static final TestPki PKI = TestPki.create();},
 * which deletes the folder after the class; or call {@link #close()} yourself.
 */
public final class TestPki implements AfterAllCallback, AutoCloseable {
    private final KeyType keyType;
    private final CertificateAuthority ca;
    private final CertificateAuthority untrustedCa;
    private Path folder;

    private TestPki(KeyType keyType) {
        this.keyType = keyType;
        this.ca = CertificateAuthority.create("Portcullis Test Root CA", keyType);
        this.untrustedCa = CertificateAuthority.create("Untrusted Test Root CA", keyType);
    }

    /** A PKI with EC P-256 keys (fast). */
    public static TestPki create() {
        return new TestPki(KeyType.EC_P256);
    }

    /** A PKI whose CAs and default leaves use the given key type. */
    public static TestPki create(KeyType keyType) {
        return new TestPki(keyType);
    }

    /** The trusted root CA. */
    public CertificateAuthority ca() {
        return ca;
    }

    /** A second root CA that tests do not trust: its leaves must be refused. */
    public CertificateAuthority untrustedCa() {
        return untrustedCa;
    }

    /** A server identity for loopback (SAN localhost, 127.0.0.1, ::1) signed by the trusted CA. */
    public Identity server() {
        return ca.issue(LeafSpec.server().withKeyType(keyType));
    }

    /** A client identity with the given subject CN (an Odette ID, say) signed by the trusted CA. */
    public Identity client(String commonName) {
        return ca.issue(LeafSpec.client(commonName).withKeyType(keyType));
    }

    /** A client identity whose validity ended yesterday. */
    public Identity expiredClient(String commonName) {
        return ca.issue(LeafSpec.client(commonName).withKeyType(keyType).withValidity(LeafSpec.Validity.EXPIRED));
    }

    /** A server identity whose validity ended yesterday. */
    public Identity expiredServer() {
        return ca.issue(LeafSpec.server().withKeyType(keyType).withValidity(LeafSpec.Validity.EXPIRED));
    }

    /** A server identity that becomes valid only tomorrow. */
    public Identity notYetValidServer() {
        return ca.issue(LeafSpec.server().withKeyType(keyType).withValidity(LeafSpec.Validity.NOT_YET_VALID));
    }

    /** A server identity signed by the untrusted CA. */
    public Identity untrustedServer() {
        return untrustedCa.issue(LeafSpec.server().withKeyType(keyType));
    }

    /** A client identity signed by the untrusted CA. */
    public Identity untrustedClient(String commonName) {
        return untrustedCa.issue(LeafSpec.client(commonName).withKeyType(keyType));
    }

    /** A trusted server identity that names neither localhost nor a loopback address. */
    public Identity wrongNameServer() {
        return ca.issue(LeafSpec.wrongNameServer().withKeyType(keyType));
    }

    /** Any leaf the trusted CA issues as the spec says (CRL distribution point, RSA, ...). */
    public Identity issue(LeafSpec spec) {
        return ca.issue(spec);
    }

    /** A CRL of the trusted CA revoking the given serials. */
    public X509CRL crl(BigInteger... revokedSerials) {
        return ca.crl(List.of(revokedSerials));
    }

    /** Writes the trusted CA certificate as {@code ca.pem} into the folder and returns the file. */
    public Path writeCa() {
        Path file = folder().resolve("ca.pem");
        try {
            Files.writeString(file, Identity.certificatePem(ca.certificate()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Writes the identity's PEM files as {@code NAME.crt.pem}, {@code NAME.key.pem}, {@code NAME.ca.pem}. */
    public PemFiles write(Identity identity, String name) {
        return identity.writePem(folder(), name);
    }

    /** Writes the CRL as {@code NAME.crl.pem} into the folder. */
    public Path write(X509CRL crl, String name) {
        return CertificateAuthority.writeCrl(crl, folder().resolve(name + ".crl.pem"));
    }

    /** This run's temporary folder, made on first use. */
    public synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("portcullis-pki-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary PKI folder", e);
            }
        }
        return folder;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Deletes the temporary folder and everything in it. */
    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
        folder = null;
    }
}
