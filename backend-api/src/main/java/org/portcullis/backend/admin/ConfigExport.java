package org.portcullis.backend.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.portcullis.backend.crl.CrlChecks;
import org.portcullis.backend.crl.StoredCrl;
import org.portcullis.backend.document.DocumentAssembler;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.document.StoredState;
import org.portcullis.backend.event.IgnoreRule;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.backend.store.Store;
import org.portcullis.backend.store.TrustedCaTable.TrustedCa;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.TrustConfig;

/**
 * {@code config export}: the whole configuration as one JSON file ({@link ExportFormat}), read in one transaction.
 * It holds private keys in clear text: the command writes it readable by its owner only.
 */
public final class ConfigExport {
    private ConfigExport() {
    }

    /**
     * The export of the stored state.
     *
     * @throws ConfigException listing every error if the stored configuration is not valid
     */
    public static byte[] export(Store store) {
        record Snapshot(StoredState state, BackendParts backend, String revision) {
        }
        Snapshot snapshot = store.database().read(c -> new Snapshot(new StateReader(store.identities()).read(c),
                BackendParts.read(c), SettingsTable.get(c, Setting.DOCUMENT_REVISION).orElse("0")));
        DocumentAssembler.Assembly assembly = DocumentAssembler.assembleAndValidate(snapshot.state());
        if (!assembly.valid()) {
            throw new ConfigException(assembly.errors());
        }
        List<X509Certificate> cas = snapshot.state().trustedCas().stream().map(TrustedCa::certificate).toList();
        RelayConfig config = assembly.config().withRevision(snapshot.revision())
                .withTrust(new TrustConfig(assembly.config().trust().caCertificatesPem(), List.of()));
        ObjectNode root = ExportFormat.MAPPER.createObjectNode();
        root.put("format", ExportFormat.FORMAT).put("formatVersion", ExportFormat.VERSION)
                .put("exportedAt", Instant.now().toString());
        try {
            root.set("relayConfig", ExportFormat.MAPPER.readTree(ConfigLoader.toJson(config)));
        } catch (IOException e) {
            throw new IllegalStateException("the relay document always reads back", e);
        }
        ArrayNode crls = root.putArray("crls");
        for (StoredCrl crl : snapshot.state().crls()) {
            if (CrlChecks.signedByAny(crl.crl(), cas)) {
                crls.addObject().put("source", crl.source()).put("crlPem", crl.crlPem());
            }
        }
        backend(root, snapshot.backend());
        try {
            return ExportFormat.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void backend(ObjectNode root, BackendParts backend) {
        ArrayNode urls = root.putArray("crlUrls");
        backend.crlUrls().forEach(urls::add);
        ArrayNode tokens = root.putArray("tokens");
        for (TokenRecord token : backend.tokens()) {
            tokens.addObject().put("name", token.name()).put("sha256", token.hash())
                    .put("created", token.created().toString())
                    .put("revoked", token.revoked() == null ? null : token.revoked().toString());
        }
        ArrayNode rules = root.putArray("ignoreRules");
        for (IgnoreRule rule : backend.ignoreRules()) {
            rules.addObject().put("pattern", rule.pattern()).put("description", rule.description())
                    .put("validFrom", rule.validFrom() == null ? null : rule.validFrom().toString())
                    .put("validUntil", rule.validUntil() == null ? null : rule.validUntil().toString());
        }
        if (backend.eventScript() == null) {
            root.putNull("eventScript");
        } else {
            root.putObject("eventScript").put("path", backend.eventScript().script().toString())
                    .put("timeoutMillis", backend.eventScript().timeout().toMillis());
        }
    }
}
