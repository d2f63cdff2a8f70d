package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** {@code backend-api serve} as the runnable jar in its own process: it listens, serves, and stops on SIGTERM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeProcessIT {
    private static final Pattern LISTENING = Pattern.compile("API listening on https://127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path data;

    @Test
    void serveListensAnswersAndStopsCleanlyOnSigterm() throws Exception {
        PemFiles api = PKI.write(PKI.server(), "api");
        String jar = System.getProperty("runnable.jar");
        assertNotNull(jar, "failsafe passes the runnable jar's path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(List.of(java, "-jar", jar, "serve", "--data", data.toString(), "--cert",
                api.certificateChain().toString(), "--key", api.privateKey().toString(), "--listen", "127.0.0.1:0"))
                .redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> readLines(serve, lines));
        try {
            int port = awaitPort(lines);

            HttpResponse<byte[]> reply = client().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/v1/config")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(401, reply.statusCode());
            assertEquals(0, reply.body().length);
        } finally {
            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            serve.toHandle().destroy();
        }
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        List<String> seen = new ArrayList<>();
        assertTrue(awaitLine(lines, "backend-api stopped", seen), "serve stopped cleanly: " + seen);
    }

    private static int awaitPort(LinkedBlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            Matcher matcher = line == null ? null : LISTENING.matcher(line);
            if (matcher != null && matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("serve did not say where it listens");
    }

    private static boolean awaitLine(LinkedBlockingQueue<String> lines, String text, List<String> seen)
            throws InterruptedException {
        for (String line = lines.poll(10, TimeUnit.SECONDS); line != null; line = lines.poll(10, TimeUnit.SECONDS)) {
            seen.add(line);
            if (line.contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void readLines(Process process, LinkedBlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("output ended: " + e.getMessage());
        }
    }

    private static HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PKI.ca().certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
