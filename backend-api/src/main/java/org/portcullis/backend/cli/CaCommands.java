package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.TrustedCaTable;
import org.portcullis.config.CertificatePin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ca add|list|remove}: the CAs partner certificates must chain to (RFC 5024 section 2.3). */
@Command(name = "ca", mixinStandardHelpOptions = true, description = "Manages the trusted CA certificates.")
public final class CaCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Trusts every certificate in the file.")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "PEM") Path file) {
        return Admin.run(spec, store, (session, out) -> add(session, out, file));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the trusted CAs.")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            for (TrustedCaTable.TrustedCa ca : session.database().read(TrustedCaTable::list)) {
                out.println(ca.fingerprint() + " " + ca.subject() + " (valid until "
                        + ca.certificate().getNotAfter().toInstant() + ")");
            }
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops trusting a CA.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "FINGERPRINT", description = "sha256:HEX, as listed")
            String fingerprint) {
        return Admin.run(spec, store, (session, out) -> {
            String normal = CertificatePin.parse(fingerprint).toString();
            if (!session.database().write(c -> TrustedCaTable.delete(c, normal))) {
                throw AdminException.failed("no trusted CA " + normal);
            }
            LOG.info("trusted CA removed: {}", normal);
            out.println("no longer trusted: " + normal);
            return Admin.OK;
        });
    }

    private static int add(AdminSession session, PrintWriter out, Path file) {
        List<X509Certificate> certificates = CertificateFiles.read(file);
        for (X509Certificate certificate : certificates) {
            if (certificate.getBasicConstraints() < 0) {
                throw AdminException.failed(certificate.getSubjectX500Principal().getName()
                        + " is not a CA certificate (basicConstraints CA:false)");
            }
        }
        for (X509Certificate certificate : certificates) {
            boolean added = session.database().write(c -> TrustedCaTable.insert(c, certificate));
            String subject = certificate.getSubjectX500Principal().getName();
            if (added) {
                LOG.info("trusted CA added: {}", subject);
            }
            out.println((added ? "trusted: " : "already trusted: ") + subject + " " + CertificatePin.of(certificate));
        }
        return Admin.OK;
    }
}
