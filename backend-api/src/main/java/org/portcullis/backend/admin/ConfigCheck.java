package org.portcullis.backend.admin;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.backend.crl.CrlUrlStatus;
import org.portcullis.backend.crl.CrlUrlTable;
import org.portcullis.backend.document.DocumentAssembler;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.document.StoredState;
import org.portcullis.backend.store.Store;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;

/**
 * {@code check}: validates the stored configuration as relay-server would and lists every problem: errors (no
 * document can be served) and warnings (CRLs due, certificates expiring, a CRL URL that fails, no valid token, an
 * event script that cannot run).
 */
public final class ConfigCheck {
    /**
     * What the check found.
     *
     * @param config the configuration, or null if it is not valid
     * @param errors what keeps it from being served
     * @param warnings what needs attention
     */
    public record Report(RelayConfig config, List<String> errors, List<String> warnings) {
        /** True if there is no error. */
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private ConfigCheck() {
    }

    /** Checks the stored state at the given time. */
    public static Report check(Store store, Instant now) {
        record Snapshot(StoredState state, BackendParts backend, List<CrlUrlStatus> urls) {
        }
        Snapshot snapshot = store.database().read(c -> new Snapshot(new StateReader(store.identities()).read(c),
                BackendParts.read(c), CrlUrlTable.list(c)));
        DocumentAssembler.Assembly assembly = DocumentAssembler.assembleAndValidate(snapshot.state());
        List<String> warnings = new ArrayList<>(assembly.notes());
        if (assembly.valid()) {
            warnings.addAll(ConfigLoader.warnings(assembly.config(), now));
        }
        for (CrlUrlStatus url : snapshot.urls()) {
            if (url.lastError() != null) {
                warnings.add("crl " + url.url() + ": the last fetch failed: " + url.lastError());
            }
        }
        if (snapshot.backend().tokens().stream().allMatch(TokenRecord::isRevoked)) {
            warnings.add("tokens: no valid token, so no relay can fetch the configuration (token create NAME)");
        }
        if (snapshot.backend().eventScript() != null
                && !Files.isExecutable(snapshot.backend().eventScript().script())) {
            warnings.add("eventScript: " + snapshot.backend().eventScript().script() + " is not an executable file");
        }
        return new Report(assembly.valid() ? assembly.config() : null, assembly.errors(), warnings);
    }
}
