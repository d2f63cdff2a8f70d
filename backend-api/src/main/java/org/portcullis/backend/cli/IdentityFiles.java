package org.portcullis.backend.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.portcullis.config.TlsIdentity;

/** Reads a TLS identity from files: a PEM chain and key, or a PKCS#12 store; checks that the key fits the chain. */
final class IdentityFiles {
    private IdentityFiles() {
    }

    /** The identity in a PEM chain file (leaf first) and a PEM key file. */
    static TlsIdentity fromPem(Path chainFile, Path keyFile) {
        TlsIdentity identity = new TlsIdentity(readText(chainFile), readText(keyFile));
        checkKeyMatches(identity);
        return identity;
    }

    /** The identity in a PKCS#12 file: its one key entry (or the one with the alias) and that entry's chain. */
    static TlsIdentity fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias != null ? alias : onlyKeyEntry(store, file);
            Key key = store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
                throw AdminException.failed(file + ": entry \"" + entry + "\" holds no private key with a certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            TlsIdentity identity = TlsIdentity.of(certificates, (PrivateKey) key);
            checkKeyMatches(identity);
            return identity;
        } catch (IOException e) {
            throw AdminException.failed("cannot read " + file + " as PKCS#12 (wrong password?): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw AdminException.failed("cannot read " + file + " as PKCS#12: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String onlyKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw AdminException.failed(file + " holds " + keys.size() + " key entries (" + String.join(", ", keys)
                    + "); name one with --alias");
        }
        return keys.get(0);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw AdminException.failed("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Refuses a key that does not belong to the leaf certificate: it signs a challenge the certificate verifies. */
    private static void checkKeyMatches(TlsIdentity identity) {
        PrivateKey key = identity.privateKey();
        PublicKey publicKey = identity.certificate().getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        boolean matches = false;
        if (algorithm != null && key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            try {
                byte[] challenge = new byte[32];
                new SecureRandom().nextBytes(challenge);
                Signature signer = Signature.getInstance(algorithm);
                signer.initSign(key);
                signer.update(challenge);
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(publicKey);
                verifier.update(challenge);
                matches = verifier.verify(signer.sign());
            } catch (GeneralSecurityException e) {
                matches = false;
            }
        }
        if (!matches) {
            throw AdminException.failed("the private key does not belong to the first certificate of the chain");
        }
    }
}
