package org.portcullis.oftp2.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/** The oftp2-peer command line: exit codes and output for the RFC 5024 session outcomes. */
@Timeout(60)
class PeerCliIT {
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    private static final long SESSION_TIMEOUT_SECONDS = 30;
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path temp;

    @Test
    void sendsOverTlsWithClientCertificateAndExitsZero() throws Exception {
        Files.createDirectories(temp.resolve("out"));
        Files.writeString(temp.resolve("out/ORDERS.TXT"), "hello OFTP2", StandardCharsets.US_ASCII);
        Files.writeString(temp.resolve("password"), "ISECRET\n", StandardCharsets.US_ASCII);
        PemFiles server = PKI.write(PKI.server(), "server");
        PemFiles client = PKI.write(PKI.client("O0013000000SENDER"), "client");
        Receiver receiver = Receiver.start("--listen", "127.0.0.1:0", "--odette-id", "O0013000000RECEIVER",
                "--password", "RSECRET", "--dir", dir("in"), "--expect-id", "O0013000000SENDER",
                "--expect-password", "ISECRET", "--tls", "--cert", server.certificateChain().toString(),
                "--key", server.privateKey().toString(), "--client-ca", client.caCertificate().toString(), "--once");

        Run send = run("send", "--connect", "127.0.0.1:" + receiver.port(), "--odette-id", "O0013000000SENDER",
                "--password", "@" + temp.resolve("password"), "--dir", temp.resolve("out").toString(), "--tls",
                "--ca", server.caCertificate().toString(), "--cert", client.certificateChain().toString(),
                "--key", client.privateKey().toString());

        assertEquals(0, send.exitCode(), send::toString);
        assertTrue(send.out().contains("sent ORDERS.TXT: 11 octets, delivered"), send::toString);
        assertTrue(send.lastLine().endsWith("ended normally"), send::toString);
        assertEquals(0, receiver.exitCode(), receiver::toString);
        assertTrue(receiver.out().contains("received ORDERS.TXT: 11 octets"), receiver::toString);
        assertEquals("hello OFTP2", Files.readString(temp.resolve("in/ORDERS.TXT"), StandardCharsets.US_ASCII));
    }

    @Test
    void wrongPasswordExitsWithPartnersReasonInLastLine() throws Exception {
        Receiver receiver = Receiver.start("--listen", "127.0.0.1:0", "--odette-id", "O0013000000RECEIVER",
                "--password", "RSECRET", "--dir", dir("in"), "--expect-password", "ISECRET", "--once");

        Run send = run("send", "--connect", "127.0.0.1:" + receiver.port(), "--odette-id", "O0013000000SENDER",
                "--password", "WRONG", "--dir", dir("out"));

        assertEquals(ExitCodes.REFUSED_BY_PARTNER, send.exitCode(), send::toString);
        assertEquals("refused by partner: ESID 04 Invalid password", send.lastLine());
        assertEquals(ExitCodes.PROTOCOL_ERROR, receiver.exitCode(), receiver::toString);
    }

    @Test
    void connectionRefusedExitsWithConnectionFailure() throws Exception {
        Receiver receiver = Receiver.start("--listen", "127.0.0.1:0", "--odette-id", "O0013000000RECEIVER",
                "--password", "RSECRET", "--dir", dir("in"), "--once");
        int port = receiver.port();
        run("send", "--connect", "127.0.0.1:" + port, "--odette-id", "O0013000000SENDER", "--password", "P",
                "--dir", dir("out"));
        receiver.exitCode();

        Run send = run("send", "--connect", "127.0.0.1:" + port, "--odette-id", "O0013000000SENDER",
                "--password", "P", "--dir", dir("out"));

        assertEquals(ExitCodes.CONNECTION_FAILED, send.exitCode(), send::toString);
        assertTrue(send.lastLine().startsWith("connection failed: "), send::toString);
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        assertEquals(ExitCodes.USAGE, run("send", "--connect", "127.0.0.1:1", "--odette-id", "X", "--password", "P",
                "--dir", dir("out"), "--buffer-size", "50").exitCode());
        assertEquals(ExitCodes.USAGE, run("send", "--connect", "127.0.0.1:1", "--odette-id", "X", "--password", "P",
                "--dir", temp.resolve("missing").toString()).exitCode());
        assertEquals(ExitCodes.USAGE, run("send", "--odette-id", "X", "--password", "P", "--dir", "d").exitCode());
        assertEquals(ExitCodes.USAGE, run("receive", "--listen", "nowhere", "--odette-id", "X", "--password", "P",
                "--dir", "d").exitCode());
        assertEquals(ExitCodes.USAGE, run("receive", "--listen", "[::1]:0", "--odette-id", "X", "--password", "P",
                "--dir", "d", "--tls").exitCode());
        assertEquals(ExitCodes.USAGE, run("send", "--connect", "::1:6619", "--odette-id", "X", "--password", "P",
                "--dir", "d").exitCode());
    }

    private String dir(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name)).toString();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PeerCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** A {@code receive} running on its own thread, as the demo script runs it in the background. */
    private record Receiver(CompletableFuture<Integer> exit, StringWriter output) {

        static Receiver start(String... args) {
            StringWriter out = new StringWriter();
            String[] all = new String[args.length + 1];
            all[0] = "receive";
            System.arraycopy(args, 0, all, 1, args.length);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> PeerCli.commandLine()
                    .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true)).execute(all));
            return new Receiver(exit, out);
        }

        int port() {
            Await.until(() -> LISTENING.matcher(output.toString()).find() || exit.isDone(), LISTEN_TIMEOUT,
                    "the 'listening on' line");
            Matcher matcher = LISTENING.matcher(output.toString());
            assertTrue(matcher.find(), output::toString);
            return Integer.parseInt(matcher.group(1));
        }

        int exitCode() throws Exception {
            return exit.get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        String out() {
            return output.toString();
        }
    }
}
