package org.portcullis.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.backend.document.DocumentPublisher;
import org.portcullis.backend.document.PublishedDocument;
import org.portcullis.backend.store.Database;
import org.portcullis.backend.store.DatabaseSettings;
import org.portcullis.backend.token.FailureThrottle;
import org.portcullis.backend.token.ThrottleSettings;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.backend.token.TokenTable;
import org.portcullis.backend.token.TokenVerifier;
import org.portcullis.backend.token.Tokens;

/**
 * The API pipeline without TLS in an EmbeddedChannel, fed raw octets: garbage, oversized bodies, pipelined
 * requests. Token checks run inline against an in-memory database.
 */
class ApiPipelineTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int MAX_BODY = 1024;

    private final DocumentPublisher publisher = new DocumentPublisher();
    private Database database;
    private EmbeddedChannel channel;
    private String token;

    @BeforeEach
    void pipeline() {
        database = Database.open(new DatabaseSettings("jdbc:h2:mem:api-" + DATABASES.incrementAndGet(), null, null),
                () -> { });
        token = Tokens.generate();
        database.write(c -> {
            TokenTable.insert(c, new TokenRecord("relay-1", Tokens.hash(token), Instant.now(), null));
            return null;
        });
        publisher.publish(PublishedDocument.of("{\"revision\": \"1\"}".getBytes(StandardCharsets.UTF_8), 1));
        ApiServices services = new ApiServices(new FailureThrottle(ThrottleSettings.defaults(), System::nanoTime),
                new TokenVerifier(database, Runnable::run), publisher, urls -> null, event -> true);
        channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                new RequestQueueHandler(), new TokenAuthHandler(services.throttle(), services.verifier()),
                new ConfigHandler(publisher, Duration.ofSeconds(60)), new EventsHandler(services.events()),
                new NotFoundHandler(), new ApiErrorsHandler());
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        database.close();
    }

    @Test
    void garbageIsRefusedWith400AndTheConnectionClosed() {
        List<String> responses = send("\u0016\u0003\u0001 not http at all\r\n\r\n");

        assertTrue(responses.get(0).startsWith("HTTP/1.1 400"), responses.get(0));
        assertFalse(channel.isOpen());
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        List<String> responses = send("POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n" + "x".repeat(MAX_BODY + 1));

        assertTrue(responses.get(0).startsWith("HTTP/1.1 413"), responses.get(0));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenBehindALongPoll() {
        String etag = publisher.current().etag();
        List<String> first = send("GET /v1/config?wait=60s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nIf-None-Match: " + etag + "\r\n\r\n"
                + "GET /v1/nothing HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        assertEquals(List.of(), first, "the long-poll waits, and the request behind it too");
        assertEquals(1, publisher.waiting());

        publisher.publish(PublishedDocument.of("{\"revision\": \"2\"}".getBytes(StandardCharsets.UTF_8), 2));
        List<String> responses = drain();

        assertEquals(2, responses.size(), responses.toString());
        assertTrue(responses.get(0).startsWith("HTTP/1.1 200"), responses.get(0));
        assertTrue(responses.get(0).endsWith("{\"revision\": \"2\"}"), responses.get(0));
        assertTrue(responses.get(1).startsWith("HTTP/1.1 404"), responses.get(1));
        assertEquals(0, publisher.waiting());
    }

    @Test
    void closedConnectionStopsItsLongPoll() {
        send("GET /v1/config?wait=60s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nIf-None-Match: "
                + publisher.current().etag() + "\r\n\r\n");
        assertEquals(1, publisher.waiting());

        channel.close();
        channel.runPendingTasks();

        assertEquals(0, publisher.waiting());
    }

    @Test
    void requestWithoutATokenGets401WithAnEmptyBody() {
        List<String> responses = send("GET /v1/config HTTP/1.1\r\nHost: x\r\n\r\n");

        assertTrue(responses.get(0).startsWith("HTTP/1.1 401"), responses.get(0));
        assertTrue(responses.get(0).contains("content-length: 0"), responses.get(0));
        assertTrue(responses.get(0).endsWith("\r\n\r\n"), responses.get(0));
    }

    private List<String> send(String octets) {
        channel.writeInbound(Unpooled.copiedBuffer(octets, StandardCharsets.ISO_8859_1));
        return drain();
    }

    private List<String> drain() {
        channel.runPendingTasks();
        List<String> responses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            current.append(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        // Responses start with the status line; split the stream there.
        for (String part : current.toString().split("(?=HTTP/1\\.1 )")) {
            if (!part.isEmpty()) {
                responses.add(part);
            }
        }
        return responses;
    }
}
