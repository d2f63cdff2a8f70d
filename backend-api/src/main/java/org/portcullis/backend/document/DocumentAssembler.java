package org.portcullis.backend.document;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.backend.crl.CrlChecks;
import org.portcullis.backend.crl.StoredCrl;
import org.portcullis.backend.store.TrustedCaTable.TrustedCa;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.OutgoingConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.TrustConfig;

/**
 * Makes the configuration document ({@link RelayConfig}) from the {@link StoredState}: every required part
 * present, CRLs only where a trusted CA signed them (a CRL whose CA was removed is left out, with a note), and
 * then, on request, validated exactly as relay-server will validate it.
 */
public final class DocumentAssembler {
    /**
     * What came of it.
     *
     * @param config the configuration (revision {@value #PENDING_REVISION}), or null if a required part is missing
     * @param errors why there is no valid configuration, each "field: why"; empty if there is one
     * @param notes what was left out and why (not errors)
     */
    public record Assembly(RelayConfig config, List<String> errors, List<String> notes) {
        public Assembly {
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }

        /** True if there is a configuration and no error. */
        public boolean valid() {
            return config != null && errors.isEmpty();
        }
    }

    /** The revision of an assembled configuration until the refresher numbers it. */
    public static final String PENDING_REVISION = "0";

    private DocumentAssembler() {
    }

    /** Assembles the configuration; checks only that the parts are present and that each part is well formed. */
    public static Assembly assemble(StoredState state) {
        List<String> errors = new ArrayList<>(state.problems());
        List<String> notes = new ArrayList<>();
        if (state.listeners().isEmpty()) {
            errors.add("listeners: none configured (add one: backend-api listener add [ip:]port)");
        }
        boolean unreadable = state.problems().stream().anyMatch(problem -> problem.startsWith("serverIdentity"));
        if (state.serverIdentity() == null && !unreadable) {
            errors.add("serverIdentity: none imported (backend-api identity import server --cert PEM --key PEM)");
        }
        if (state.inside() == null) {
            errors.add("inside: the inside OFTP2 daemon is not set (backend-api inside set HOST[:PORT])");
        }
        if (!errors.isEmpty()) {
            return new Assembly(null, errors, notes);
        }
        try {
            RelayConfig config = new RelayConfig(RelayConfig.SCHEMA_VERSION, PENDING_REVISION, state.listeners(),
                    state.serverIdentity(), trust(state, notes), state.partners(), state.inside(), state.routes(),
                    new OutgoingConfig(state.outgoingSourceAddress(), state.outgoingIdentity(),
                            state.outgoingAllowedHosts()), state.timeouts(),
                    state.limits());
            return new Assembly(config, errors, notes);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        } catch (IllegalArgumentException e) {
            errors.add("document: " + e.getMessage());
        }
        return new Assembly(null, errors, notes);
    }

    /** Assembles and validates the configuration as relay-server would; every error listed. */
    public static Assembly assembleAndValidate(StoredState state) {
        Assembly assembly = assemble(state);
        if (!assembly.valid()) {
            return assembly;
        }
        try {
            ConfigLoader.validate(assembly.config());
            return assembly;
        } catch (ConfigException e) {
            return new Assembly(null, e.errors(), assembly.notes());
        }
    }

    private static TrustConfig trust(StoredState state, List<String> notes) {
        List<X509Certificate> cas = state.trustedCas().stream().map(TrustedCa::certificate).toList();
        List<String> crls = new ArrayList<>();
        for (StoredCrl stored : state.crls()) {
            X509CRL crl = stored.crl();
            if (CrlChecks.signedByAny(crl, cas)) {
                crls.add(stored.crlPem());
            } else {
                notes.add("crl " + stored.source() + " (" + stored.issuer() + ") is left out: no trusted CA signed it");
            }
        }
        return new TrustConfig(state.trustedCas().stream().map(TrustedCa::certificatePem).toList(), crls);
    }
}
