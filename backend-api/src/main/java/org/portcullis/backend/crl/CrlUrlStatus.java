package org.portcullis.backend.crl;

import java.time.Instant;

/**
 * A CRL distribution point and how fetching it went.
 *
 * @param url the URL
 * @param reported when a relay first reported it (or an operator added it)
 * @param lastAttempt when it was last fetched, or null if never
 * @param lastSuccess when a fetch last gave a valid CRL, or null if never
 * @param lastError what went wrong in the last fetch, or null if it went well
 */
public record CrlUrlStatus(String url, Instant reported, Instant lastAttempt, Instant lastSuccess, String lastError) {
}
