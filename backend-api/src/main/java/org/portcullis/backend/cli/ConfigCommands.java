package org.portcullis.backend.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.admin.ConfigExport;
import org.portcullis.backend.admin.ConfigImport;
import org.portcullis.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code config export|import}: the whole configuration as one JSON file. An import is validated whole and
 * applied in one transaction, or refused with every error listed and nothing changed.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Exports or imports the whole configuration as one JSON file.")
public final class ConfigCommands {
    private static final Logger LOG = LogManager.getLogger();
    /** An export is a relay document (at most 4 MiB) and the backend's parts: this is plenty. */
    private static final int MAX_IMPORT_BYTES = 3 * ConfigLoader.MAX_DOCUMENT_BYTES;

    @Spec
    private CommandSpec spec;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the configuration to FILE (owner-only permissions: it holds private keys), or to"
                    + " standard output with -.")
    int export(@Mixin StoreOptions store, @Parameters(paramLabel = "FILE") String file) {
        return Admin.run(spec, store, (session, out) -> {
            byte[] json = ConfigExport.export(session.store());
            if ("-".equals(file)) {
                out.print(new String(json, StandardCharsets.UTF_8));
                out.println();
                return Admin.OK;
            }
            write(Path.of(file), json);
            LOG.info("configuration exported to {}", file);
            out.println("configuration exported to " + file);
            return Admin.OK;
        });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Replaces the configuration with the one in FILE (- for standard input), all or nothing.")
    int importFile(@Mixin StoreOptions store, @Parameters(paramLabel = "FILE") String file) {
        return Admin.run(spec, store, (session, out) -> {
            ConfigImport.Plan plan = ConfigImport.parse(read(file));
            session.database().write(c -> {
                plan.apply(c, session.store().identities());
                return null;
            });
            LOG.info("configuration imported from {}: {} partners, {} routes", file, plan.relay().partners().size(),
                    plan.relay().routes().size());
            out.println("configuration imported from " + file + ": " + plan.relay().partners().size() + " partners, "
                    + plan.relay().routes().size() + " routes" + (plan.backend() == null
                    ? " (tokens, ignore rules, CRL URLs and event script kept)" : ""));
            return Admin.OK;
        });
    }

    private byte[] read(String file) {
        try (InputStream in = "-".equals(file) ? StandardInput.of(spec) : Files.newInputStream(Path.of(file))) {
            byte[] json = in.readNBytes(MAX_IMPORT_BYTES + 1);
            if (json.length > MAX_IMPORT_BYTES) {
                throw AdminException.failed(file + " is larger than " + MAX_IMPORT_BYTES + " octets; not read");
            }
            return json;
        } catch (IOException e) {
            throw AdminException.failed("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes through a temporary file created owner-only, then moves it into place. */
    private static void write(Path file, byte[] json) {
        Path absolute = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".export-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(json);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AdminException.failed("cannot write " + file + ": " + e.getMessage());
        }
    }
}
