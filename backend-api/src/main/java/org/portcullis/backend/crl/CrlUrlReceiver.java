package org.portcullis.backend.crl;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Takes in the CRL distribution points a relay saw in partner certificates. */
@FunctionalInterface
public interface CrlUrlReceiver {
    /**
     * Stores the URLs not known yet (on an executor) and has them fetched soon.
     *
     * @param urls http or https URLs (already checked by {@link CrlUrls#check})
     * @return completes with the number of new URLs, or fails if they could not be stored
     */
    CompletableFuture<Integer> receive(List<String> urls);
}
