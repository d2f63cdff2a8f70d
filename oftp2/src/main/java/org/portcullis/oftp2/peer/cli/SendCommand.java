package org.portcullis.oftp2.peer.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oftp2-peer send}: the Initiator (RFC 5024 §4.2), calling a partner for one session. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Connect as OFTP2 Initiator and send the files of --dir (and receive into --recv-dir).")
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PeerOptions peer;

    @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", converter = HostPort.class,
            description = "The partner's address.")
    InetSocketAddress connect;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder whose files are sent.")
    Path dir;

    @Option(names = "--recv-dir", paramLabel = "DIR", description = "Folder for files the partner sends.")
    Path recvDir;

    @Option(names = "--tls", description = "Speak TLS (1.2 or 1.3).")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM",
            description = "CA certificates the server's must chain to (default: the JDK's trust store).")
    Path ca;

    @Option(names = "--cert", paramLabel = "PEM", description = "Own certificate chain, if the server asks.")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "Own PKCS#8 private key.")
    Path key;

    @Override
    public Integer call() throws Exception {
        if ((cert == null) != (key == null) || (!tls && (ca != null || cert != null))) {
            spec.commandLine().getErr().println("--cert and --key go together, and with --ca only after --tls");
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("--dir " + dir + " is not a folder");
            return ExitCodes.USAGE;
        }
        PeerConfig config;
        try {
            config = peer.configBuilder().sendDir(dir)
                    .receiveDir(recvDir == null ? null : Files.createDirectories(recvDir))
                    .tls(tls ? new PeerTls(cert, key, ca) : null).build();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        try (OftpPeer threads = OftpPeer.create(1, 1)) {
            SessionResult result = threads.client(config).connect(connect).get();
            SessionReport.print(result, spec.commandLine().getOut());
            return ExitCodes.of(result);
        }
    }
}
