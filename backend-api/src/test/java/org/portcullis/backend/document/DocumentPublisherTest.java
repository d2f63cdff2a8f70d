package org.portcullis.backend.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DocumentPublisherTest {
    private final DocumentPublisher publisher = new DocumentPublisher();

    @Test
    void waitersAreWokenByADifferentDocumentOnly() {
        PublishedDocument first = document("{\"a\": 1}", 1);
        publisher.publish(first);
        CompletableFuture<PublishedDocument> change = publisher.nextChange(first.etag());

        publisher.publish(document("{\"a\": 1}", 1));
        assertFalse(change.isDone(), "the same octets are no change");
        PublishedDocument second = document("{\"a\": 2}", 2);
        publisher.publish(second);

        assertSame(second, change.join());
        assertEquals(0, publisher.waiting());
    }

    @Test
    void waiterWithAnOldTagIsAnsweredAtOnceAndCancelledOnesLeave() {
        publisher.publish(document("{}", 1));

        assertTrue(publisher.nextChange("\"old\"").isDone());
        CompletableFuture<PublishedDocument> waiting = publisher.nextChange(publisher.current().etag());
        assertEquals(1, publisher.waiting());
        waiting.cancel(false);
        assertEquals(0, publisher.waiting());
    }

    @Test
    void entityTagIsAQuotedHashOfTheOctets() {
        PublishedDocument a = document("{\"a\": 1}", 1);

        assertTrue(a.etag().matches("\"[A-Za-z0-9_-]{43}\""), a.etag());
        assertEquals(a.etag(), document("{\"a\": 1}", 7).etag());
        assertNotEquals(a.etag(), document("{\"a\": 2}", 1).etag());
    }

    private static PublishedDocument document(String json, long revision) {
        return PublishedDocument.of(json.getBytes(StandardCharsets.UTF_8), revision);
    }
}
