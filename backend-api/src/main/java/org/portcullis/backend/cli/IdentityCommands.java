package org.portcullis.backend.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.IdentityPurpose;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.TlsIdentity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code identity import|show|remove}: relay-server's TLS certificates and keys (RFC 5024 section 2.3), "server"
 * (presented to partners) and "outgoing" (presented when dialling out; the server's if absent). Keys are sealed
 * with the master key before they reach the database.
 */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = "Imports, shows and removes relay-server's certificates and keys (server, outgoing).")
public final class IdentityCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    /** Where the identity comes from: PEM files or a PKCS#12 file. */
    static final class Source {
        @ArgGroup(exclusive = false)
        PemSource pem;

        @ArgGroup(exclusive = false)
        Pkcs12Source pkcs12;
    }

    /** A PEM chain and key. */
    static final class PemSource {
        @Option(names = "--cert", required = true, paramLabel = "PEM",
                description = "the certificate chain, leaf first")
        Path certificate;

        @Option(names = "--key", required = true, paramLabel = "PEM", description = "its unencrypted private key")
        Path key;
    }

    /** A PKCS#12 store. */
    static final class Pkcs12Source {
        @Option(names = "--pkcs12", required = true, paramLabel = "FILE", description = "a PKCS#12 (.p12, .pfx) file")
        Path file;

        @Option(names = "--pkcs12-password-file", paramLabel = "FILE",
                description = "its password on the first line (default: the first line of standard input)")
        Path passwordFile;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "the key entry, if the file holds several")
        String alias;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports an identity from --cert and --key (PEM) or --pkcs12, replacing the one held.")
    int importIdentity(@Mixin StoreOptions store,
                       @Parameters(paramLabel = "PURPOSE", description = "server or outgoing") String purposeName,
                       @ArgGroup(exclusive = true, multiplicity = "1") Source source) {
        return Admin.run(spec, store, (session, out) -> {
            IdentityPurpose purpose = purpose(purposeName);
            TlsIdentity identity = source.pem != null
                    ? IdentityFiles.fromPem(source.pem.certificate, source.pem.key)
                    : IdentityFiles.fromPkcs12(source.pkcs12.file,
                    SecretInput.firstLine(source.pkcs12.passwordFile, StandardInput.of(spec)), source.pkcs12.alias);
            session.database().write(c -> {
                session.store().identities().put(c, purpose, identity);
                return null;
            });
            LOG.info("{} identity imported: {}", purpose.key(), identity.certificate().getSubjectX500Principal());
            out.println(purpose.key() + " identity imported: " + describe(identity));
            return Admin.OK;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the identities (never the keys).")
    int show(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            for (IdentityPurpose purpose : IdentityPurpose.values()) {
                Optional<TlsIdentity> identity = session.database().read(c -> session.store().identities()
                        .get(c, purpose));
                out.println(purpose.key() + ": " + identity.map(IdentityCommands::describe).orElse("none"));
            }
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an identity.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "PURPOSE", description = "server or outgoing")
            String purposeName) {
        return Admin.run(spec, store, (session, out) -> {
            IdentityPurpose purpose = purpose(purposeName);
            if (!session.database().write(c -> session.store().identities().delete(c, purpose))) {
                throw AdminException.failed("no " + purpose.key() + " identity");
            }
            out.println(purpose.key() + " identity removed");
            return Admin.OK;
        });
    }

    private static IdentityPurpose purpose(String name) {
        for (IdentityPurpose purpose : IdentityPurpose.values()) {
            if (purpose.key().equals(name)) {
                return purpose;
            }
        }
        throw AdminException.badInput("the purpose is \"server\" or \"outgoing\", not \"" + name + "\"");
    }

    private static String describe(TlsIdentity identity) {
        X509Certificate leaf = identity.certificate();
        return leaf.getSubjectX500Principal().getName() + ", issuer " + leaf.getIssuerX500Principal().getName()
                + ", valid until " + leaf.getNotAfter().toInstant() + ", chain of " + identity.certificateChain().size()
                + ", " + CertificatePin.of(leaf);
    }
}
