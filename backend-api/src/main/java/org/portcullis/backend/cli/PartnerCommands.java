package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.PartnerTable;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code partner add|list|show|update|remove|set-password|pin-cert}: the partners allowed to start sessions
 * (RFC 5024 section 5.3.2, SSID). Passwords are read from standard input or a file and stored only as salted
 * hashes.
 */
@Command(name = "partner", mixinStandardHelpOptions = true, description = "Manages the partners.")
public final class PartnerCommands {
    private static final Logger LOG = LogManager.getLogger();
    private static final String PASSWORD_FILE = "--password-file";
    private static final String PASSWORD_HELP = "read the password from the first line of this file instead of"
            + " standard input";

    @Spec
    private CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a partner; its SSID password is read from standard input or --password-file.")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "ODETTE_ID") String odetteId,
            @Option(names = PASSWORD_FILE, paramLabel = "FILE", description = PASSWORD_HELP) Path passwordFile,
            @Mixin PartnerOptions options) {
        return Admin.run(spec, store, (session, out) -> add(session, out, odetteId, passwordFile, options));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the partners.")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            List<PartnerConfig> partners = session.database().read(PartnerTable::list);
            out.printf("%-25s %-19s %-5s %s%n", "ODETTE_ID", "CLIENT_CERTIFICATE", "PINS", "NETWORKS");
            for (PartnerConfig partner : partners) {
                out.printf("%-25s %-19s %-5d %s%n", partner.odetteId(), partner.clientCertificate(),
                        partner.certificatePins().size(), networks(partner));
            }
            return Admin.OK;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one partner.")
    int show(@Mixin StoreOptions store, @Parameters(paramLabel = "ODETTE_ID") String odetteId) {
        return Admin.run(spec, store, (session, out) -> {
            PartnerConfig partner = session.database().read(c -> PartnerTable.get(c, odetteId))
                    .orElseThrow(() -> AdminException.failed("no partner " + odetteId));
            print(partner, out);
            return Admin.OK;
        });
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Changes a partner: each option given replaces that field.")
    int update(@Mixin StoreOptions store, @Parameters(paramLabel = "ODETTE_ID") String odetteId,
               @Mixin PartnerOptions options) {
        return Admin.run(spec, store, (session, out) -> {
            checkOdetteId(odetteId);
            change(session, odetteId, options::applyTo);
            out.println("partner " + odetteId + " updated");
            return Admin.OK;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a partner.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "ODETTE_ID") String odetteId) {
        return Admin.run(spec, store, (session, out) -> {
            if (!session.database().write(c -> PartnerTable.delete(c, odetteId))) {
                throw AdminException.failed("no partner " + odetteId);
            }
            LOG.info("partner {} removed", odetteId);
            out.println("partner " + odetteId + " removed");
            return Admin.OK;
        });
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Sets a partner's SSID password, read from standard input or --password-file.")
    int setPassword(@Mixin StoreOptions store, @Parameters(paramLabel = "ODETTE_ID") String odetteId,
                    @Option(names = PASSWORD_FILE, paramLabel = "FILE", description = PASSWORD_HELP)
                    Path passwordFile) {
        return Admin.run(spec, store, (session, out) -> {
            checkOdetteId(odetteId);
            String hash = hash(passwordFile);
            change(session, odetteId, partner -> new PartnerConfig(partner.odetteId(), hash, partner.certificatePins(),
                    partner.allowedNetworks(), partner.clientCertificate()));
            LOG.info("partner {}: password changed", odetteId);
            out.println("partner " + odetteId + ": password set");
            return Admin.OK;
        });
    }

    @Command(name = "pin-cert", mixinStandardHelpOptions = true,
            description = "Pins the certificate(s) in a file for a partner, in addition to its pins.")
    int pinCertificate(@Mixin StoreOptions store, @Parameters(index = "0", paramLabel = "ODETTE_ID") String odetteId,
                       @Parameters(index = "1", paramLabel = "PEM") Path certificateFile,
                       @Option(names = "--replace", description = "replace the partner's pins instead")
                       boolean replace) {
        return Admin.run(spec, store, (session, out) -> {
            checkOdetteId(odetteId);
            List<String> added = CertificateFiles.read(certificateFile).stream()
                    .map(certificate -> CertificatePin.of(certificate).toString()).toList();
            change(session, odetteId, partner -> {
                List<String> pins = new ArrayList<>(replace ? List.of() : partner.certificatePins());
                added.stream().filter(pin -> !pins.contains(pin)).forEach(pins::add);
                return new PartnerConfig(partner.odetteId(), partner.passwordHash(), pins, partner.allowedNetworks(),
                        partner.clientCertificate());
            });
            added.forEach(pin -> out.println("partner " + odetteId + ": pinned " + pin));
            return Admin.OK;
        });
    }

    /** Reads a partner from the database, changes it, writes it back in the same transaction. */
    private static void change(AdminSession session, String odetteId,
                               UnaryOperator<PartnerConfig> change) {
        boolean found = session.database().write(c -> {
            Optional<PartnerConfig> partner = PartnerTable.get(c, odetteId);
            if (partner.isEmpty()) {
                return false;
            }
            PartnerTable.update(c, change.apply(partner.get()));
            return true;
        });
        if (!found) {
            throw AdminException.failed("no partner " + odetteId);
        }
    }

    private String hash(Path passwordFile) {
        char[] password = SecretInput.partnerPassword(passwordFile, StandardInput.of(spec));
        try {
            return PasswordHash.create(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkOdetteId(String odetteId) {
        if (!PartnerConfig.isOdetteId(odetteId)) {
            throw AdminException.badInput("\"" + odetteId + "\" is not an Odette ID: 1-25 characters of"
                    + " A-Z 0-9 / - . & ( ), no spaces");
        }
    }

    private static String networks(PartnerConfig partner) {
        return partner.allowedNetworks().isEmpty() ? "any" : String.join(",", partner.allowedNetworks());
    }

    private static void print(PartnerConfig partner, PrintWriter out) {
        String[] hash = partner.passwordHash().split("\\$");
        out.println("odetteId:          " + partner.odetteId());
        out.println("password:          set (" + hash[0] + ", " + hash[1] + " iterations)");
        out.println("clientCertificate: " + partner.clientCertificate());
        out.println("certificatePins:   " + (partner.certificatePins().isEmpty() ? "none (any certificate of the"
                + " trusted CAs)" : String.join(" ", partner.certificatePins())));
        out.println("allowedNetworks:   " + networks(partner));
    }

    private int add(AdminSession session, PrintWriter out, String odetteId, Path passwordFile,
                    PartnerOptions options) {
        checkOdetteId(odetteId);
        PartnerConfig partner = options.applyTo(new PartnerConfig(odetteId, hash(passwordFile), List.of(),
                List.of(), null));
        boolean added = session.database().write(c -> {
            if (PartnerTable.exists(c, odetteId)) {
                return false;
            }
            PartnerTable.insert(c, partner);
            return true;
        });
        if (!added) {
            throw AdminException.failed("partner " + odetteId + " exists; change it with: partner update");
        }
        LOG.info("partner {} added", odetteId);
        out.println("partner " + odetteId + " added");
        return Admin.OK;
    }
}
