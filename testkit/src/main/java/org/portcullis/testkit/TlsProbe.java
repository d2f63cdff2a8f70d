package org.portcullis.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client with weak TLS settings, to show a server refuses them: OpenSSL's {@code s_client} for what the JDK
 * will not offer (TLS 1.0 and 1.1, CBC, RSA key exchange and 3DES suites), and a JDK client that asks for a
 * renegotiation in TLS 1.2. Needs the {@code openssl} command (Debian's package {@code openssl}).
 */
public final class TlsProbe {
    /** The longest a probe waits for the server. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Suites no server of ours may accept: CBC with ECDHE, RSA key exchange (GCM and CBC), 3DES. */
    public static final String WEAK_SUITES = "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES128-SHA"
            + ":AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA:AES256-SHA256:DES-CBC3-SHA";

    /**
     * What {@code openssl s_client} saw.
     *
     * @param established whether a TLS session was set up
     * @param output      what it printed, for the assertion's message
     */
    public record Outcome(boolean established, String output) {
        /** Whether the server itself refused, with a TLS alert. */
        public boolean refusedByServer() {
            return !established && output.contains("alert");
        }
    }

    private TlsProbe() {
    }

    /** {@code openssl s_client -connect} to {@code server} with {@code options}, as weak as OpenSSL allows. */
    public static Outcome openssl(InetSocketAddress server, String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                server.getHostString() + ":" + server.getPort()));
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl s_client did not end within " + TIMEOUT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean established = output.contains("Cipher is ") && !output.contains("Cipher is (NONE)");
            return new Outcome(established, String.join(" ", command) + "\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl s_client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** TLS 1.1 (or {@code -tls1} for 1.0) offered at OpenSSL's lowest security level. */
    public static Outcome oldProtocol(InetSocketAddress server, String protocolOption) {
        return openssl(server, protocolOption, "-cipher", "DEFAULT:@SECLEVEL=0");
    }

    /** TLS 1.2 with only {@link #WEAK_SUITES} offered. */
    public static Outcome weakSuites(InetSocketAddress server) {
        return openssl(server, "-tls1_2", "-cipher", WEAK_SUITES + ":@SECLEVEL=0");
    }

    /**
     * A TLS 1.2 session with {@code client} as the client certificate (none when {@code null}) in which the client
     * then asks for a renegotiation: true when the server refuses it (a fatal alert or a closed connection), false
     * when it goes along and the connection stays up.
     */
    public static boolean renegotiationRefused(InetSocketAddress server, Identity client) {
        try (SSLSocket socket = (SSLSocket) context(client).getSocketFactory().createSocket(server.getAddress(),
                server.getPort())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setSoTimeout((int) TIMEOUT.toMillis() / 2);
            socket.startHandshake();
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            // Whatever the server sends first (an OFTP2 SSRM) is read; then its answer to the renegotiation.
            while (in.read() >= 0) {
                continue;
            }
            return true;
        } catch (SocketTimeoutException stillUp) {
            return false;
        } catch (SSLException refused) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + server, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(Identity client) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        KeyManagerFactory keys = null;
        if (client != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "probe".toCharArray();
            store.setKeyEntry("client", client.privateKey(), password, new X509Certificate[] {client.certificate()});
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
        }
        context.init(keys == null ? null : keys.getKeyManagers(), new TrustManager[] {new TrustingEveryone()}, null);
        return context;
    }

    /** The probe looks at the server's settings, not at who it is. */
    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Not a server.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Any server: the probe tests its TLS settings only.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
