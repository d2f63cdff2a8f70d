package org.portcullis.oftp2.peer.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oftp2-peer receive}: the Responder (RFC 5024 §4.2), listening for partners' sessions. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Listen as OFTP2 Responder and receive files (and send those of --send-dir).")
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PeerOptions peer;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "Address to listen on; port 0 picks a free one, printed as 'listening on HOST:PORT'.")
    InetSocketAddress listen;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder for received files.")
    Path dir;

    @Option(names = "--send-dir", paramLabel = "DIR", description = "Folder whose files are sent to the partner.")
    Path sendDir;

    @Option(names = "--expect-id", paramLabel = "ID", description = "Accept only this Odette ID (else ESID 03).")
    String expectId;

    @Option(names = "--expect-password", paramLabel = "PW", converter = Secret.class,
            description = "Accept only this password (else ESID 04); @FILE reads it from a file.")
    String expectPassword;

    @Option(names = "--tls", description = "Speak TLS (1.2 or 1.3); needs --cert and --key.")
    boolean tls;

    @Option(names = "--cert", paramLabel = "PEM", description = "Own certificate chain.")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "Own PKCS#8 private key.")
    Path key;

    @Option(names = "--client-ca", paramLabel = "PEM",
            description = "Require a client certificate issued by one of these CAs.")
    Path clientCa;

    @Option(names = "--once", description = "Serve one session, then exit with its status.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (tls != (cert != null && key != null) || (!tls && clientCa != null)) {
            spec.commandLine().getErr().println("--tls goes with --cert and --key (and optionally --client-ca)");
            return ExitCodes.USAGE;
        }
        PeerConfig config;
        try {
            config = peer.configBuilder().receiveDir(Files.createDirectories(dir)).sendDir(sendDir)
                    .expectPartner(expectId, expectPassword).tls(tls ? new PeerTls(cert, key, clientCa) : null)
                    .build();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        BlockingQueue<SessionResult> results = new LinkedBlockingQueue<>();
        try (OftpPeer threads = OftpPeer.create(1, 2);
                PeerServer server = threads.listen(config, listen, results::add)) {
            spec.commandLine().getOut().println("listening on " + HostPort.format(server.localAddress()));
            spec.commandLine().getOut().flush();
            while (true) {
                SessionResult result = results.take();
                SessionReport.print(result, spec.commandLine().getOut());
                if (once) {
                    return ExitCodes.of(result);
                }
            }
        }
    }
}
