package org.portcullis.relay.client.backend;

import java.net.URI;
import java.util.Objects;

/**
 * One call waiting for the backend in the {@link ReportQueue}: a JSON body for one of its POST endpoints.
 *
 * @param uri  where it goes ({@code crl-urls} or {@code events})
 * @param json the body, in the backend's format
 * @param what how the log names it: {@code 3 CRL URL(s)}, {@code event ERROR}
 */
record Report(URI uri, String json, String what) {

    Report {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(what, "what");
    }

    /** What it costs to hold, roughly in octets. */
    int size() {
        return json.length();
    }
}
