package org.portcullis.backend.http;

import org.portcullis.backend.crl.CrlUrlReceiver;
import org.portcullis.backend.document.DocumentPublisher;
import org.portcullis.backend.event.EventReceiver;
import org.portcullis.backend.token.FailureThrottle;
import org.portcullis.backend.token.TokenVerifier;

/**
 * What the API's handlers work with.
 *
 * @param throttle slows down failed token checks
 * @param verifier checks tokens
 * @param publisher holds the document and wakes long-polls
 * @param crlUrls takes reported CRL URLs
 * @param events takes reported events
 */
public record ApiServices(FailureThrottle throttle, TokenVerifier verifier, DocumentPublisher publisher,
                          CrlUrlReceiver crlUrls, EventReceiver events) {
}
