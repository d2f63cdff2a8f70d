package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.PeerClient;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;

/**
 * Several files one sender sends through the relay, one session at a time, calling again after a failed session as
 * a partner's OFTP2 software does, until every file is delivered (its EERP came back and the reference peer moved it
 * to {@code sent/}); a cut file resumes where the receiver confirmed it (RFC 5024 §5.3.3 SFIDREST). Every session is
 * checked as it ends: a file the sender was told is complete (EFPA) or delivered (EERP) must be in the receiver's
 * folder whole and identical at that moment.
 */
final class TransferSet {
    private static final Logger LOG = LogManager.getLogger();
    /**
     * The senders offer small exchange buffers and credit: the receiver confirms every 256 KiB (CDT), so a cut
     * file has a confirmed position to resume from (RFC 5024 §5.3.3), not a window larger than the file.
     */
    private static final int BUFFER = 16 * 1024;
    private static final int CREDIT = 16;

    private final String name;
    private final PeerClient sender;
    private final Path outbox;
    private final Path receiverInbox;
    private final Map<String, String> sha256 = new LinkedHashMap<>();
    private final List<SessionResult> sessions = new CopyOnWriteArrayList<>();

    private TransferSet(String name, PeerClient sender, Path outbox, Path receiverInbox) {
        this.name = name;
        this.sender = sender;
        this.outbox = outbox;
        this.receiverInbox = receiverInbox;
    }

    /** Files of the partner {@link TestConfig#PARTNER_ID} to the inside daemon. */
    static TransferSet inward(RelayPath relay, Partners partners, int files, long size) throws Exception {
        return inward(relay, partners, relay.inside().inbox(), files, size);
    }

    /** As {@link #inward(RelayPath, Partners, int, long)}, to an inside daemon that receives into {@code inbox}. */
    static TransferSet inward(RelayPath relay, Partners partners, Path inbox, int files, long size) throws Exception {
        Path outbox = relay.folder("partner-out");
        PeerConfig.Builder partner = Partners.partner(outbox, null).bufferSize(BUFFER).credit(CREDIT);
        TransferSet set = new TransferSet("inward", partners.caller(partner,
                relay.pki().client(TestConfig.PARTNER_ID)), outbox, inbox);
        return set.write("IN", files, size, 100);
    }

    /** Files of the inside daemon through the route to the remote partner, which receives into {@code inbox}. */
    static TransferSet outward(RelayPath relay, Partners partners, Path inbox, int files, long size)
            throws Exception {
        Path outbox = relay.folder("inside-out");
        PeerClient inside = relay.peers().client(PeerConfig.builder(TestConfig.INSIDE_ID, TestConfig.INSIDE_PASSWORD)
                .sendDir(outbox).bufferSize(BUFFER).credit(CREDIT).build());
        TransferSet set = new TransferSet("outward", inside, outbox, inbox);
        return set.write("OUT", files, size, 200);
    }

    private TransferSet write(String prefix, int files, long size, long seed) {
        for (int i = 0; i < files; i++) {
            TestFiles.Written file = TestFiles.random(outbox, prefix + i, size, seed + i);
            sha256.put(prefix + i, file.sha256());
        }
        return this;
    }

    /** One session with {@code target}; its result is checked when it ends. */
    CompletableFuture<SessionResult> session(InetSocketAddress target) {
        return sender.connect(target).thenApply(this::checked);
    }

    /**
     * Calls {@code target} (asked anew for each session) again and again, with the partner's {@link Probe#pause()}
     * after a failed session, until every file is delivered, at most {@code bound}.
     */
    void deliverAll(Supplier<InetSocketAddress> target, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!allDelivered()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": not every file delivered within " + bound + "; sessions: "
                        + sessions);
            }
            SessionResult result = Partners.outcome(session(target.get()));
            if (result.outcome() != SessionOutcome.NORMAL_END) {
                Probe.pause();
            }
        }
    }

    /** Whether every file was delivered: the reference peer moved each to {@code sent/} on its EERP. */
    boolean allDelivered() {
        try (Stream<Path> left = Files.list(outbox)) {
            return left.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each file is in the receiver's folder, identical to what was sent. */
    void assertArrivedIntact() {
        sha256.forEach((file, expected) -> assertEquals(expected, TestFiles.sha256(receiverInbox.resolve(file)),
                name + ": what arrived of " + file));
    }

    /** The transfers that resumed a cut file rather than sending it from the start. */
    List<FileTransfer> restarts() {
        return sessions.stream().flatMap(session -> session.files(FileTransfer.Direction.SENT).stream())
                .filter(file -> file.restartOffset() > 0).toList();
    }

    /** The sessions so far, each as its result. */
    List<SessionResult> sessions() {
        return sessions;
    }

    private SessionResult checked(SessionResult result) {
        sessions.add(result);
        for (FileTransfer file : result.files(FileTransfer.Direction.SENT)) {
            if (file.complete() || file.delivered()) {
                Path arrived = receiverInbox.resolve(file.datasetName());
                if (!Files.isRegularFile(arrived) || !sha256.get(file.datasetName()).equals(TestFiles.sha256(arrived))) {
                    throw new AssertionError(name + ": " + file + " was reported " + (file.delivered() ? "delivered"
                            : "complete") + " but the receiver does not have it whole: " + result);
                }
            }
        }
        LOG.info("{}: session {} {}, files {}", name, result.sessionId(), result.outcome(), result.files());
        return result;
    }
}
