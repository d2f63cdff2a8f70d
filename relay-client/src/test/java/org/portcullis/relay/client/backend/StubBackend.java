package org.portcullis.relay.client.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.portcullis.testkit.Identity;

/**
 * A scripted HTTPS backend for what the real one never does (it validates before it serves): it serves whatever
 * document it is given, with {@code 304} for its entity tag, never holds a poll, and takes every POST with
 * {@code 202}. It records every request. The JDK's own HTTPS server, on 127.0.0.1:0.
 */
final class StubBackend implements AutoCloseable {
    /** One request as it arrived. */
    record Request(String method, String path, String ifNoneMatch, String authorization, String body) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile byte[] document;
    private volatile String etag;
    private volatile int configStatus = 200;
    private final AtomicInteger served = new AtomicInteger();

    StubBackend(Identity identity) throws IOException, GeneralSecurityException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(identity)));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves this document from now on, with this entity tag. */
    void serve(byte[] newDocument, String newEtag) {
        document = newDocument;
        etag = newEtag;
        configStatus = 200;
    }

    /** Answers the configuration poll with this status and an empty body from now on. */
    void answer(int status) {
        configStatus = status;
    }

    String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    /** Documents served ({@code 200}) so far. */
    int served() {
        return served.get();
    }

    /** The configuration polls so far. */
    List<Request> polls() {
        return requests.stream().filter(request -> request.path().equals("/v1/config")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (!path.equals("/v1/config")) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            if (configStatus != 200) {
                exchange.sendResponseHeaders(configStatus, -1);
                return;
            }
            String tag = etag;
            exchange.getResponseHeaders().set("ETag", tag);
            if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] answer = document;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            served.incrementAndGet();
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static SSLContext tls(Identity identity) throws IOException, GeneralSecurityException {
        char[] password = "stub".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", identity.privateKey(), password,
                new Certificate[] {identity.certificate(), identity.caCertificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
