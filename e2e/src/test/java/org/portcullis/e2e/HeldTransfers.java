package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;

/**
 * Transfers from partners to the inside daemon that are known to be running: each is held in the {@link InsideFront}
 * after its first octets (so it is past SFID, in the middle of its DATA) until {@link #release()}.
 */
final class HeldTransfers {
    /** Octets of each session that reach the inside daemon before it is held: SSID, SFID and some DATA. */
    private static final long HOLD_AFTER = 128 * 1024;

    private final RelayPath relay;
    private final List<TestFiles.Written> files;
    private final List<CompletableFuture<SessionResult>> sessions;
    private final CompletableFuture<Void> release;

    private HeldTransfers(RelayPath relay, List<TestFiles.Written> files,
            List<CompletableFuture<SessionResult>> sessions, CompletableFuture<Void> release) {
        this.relay = relay;
        this.files = files;
        this.sessions = sessions;
        this.release = release;
    }

    /**
     * Starts {@code count} partners sending a file of {@code size} octets (at least 1 MiB) each, and returns once
     * every one of them is held. Connections the inside daemon accepts afterwards go straight through again.
     */
    static HeldTransfers start(RelayPath relay, Partners partners, int count, long size) throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        InsideFront front = relay.inside().front();
        int heldBefore = front.holding();
        front.plan(InsideFront.Plan.holding(HOLD_AFTER, release));
        List<TestFiles.Written> files = new ArrayList<>();
        List<CompletableFuture<SessionResult>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestFiles.Written file = TestFiles.random(relay.folder("held-out-" + i), "HELD" + i, size, i);
            files.add(file);
            sessions.add(partners.callRelay(partners.partnerCaller(file.path().getParent(), null)));
        }
        Await.until(() -> front.holding() == heldBefore + count, RelayPath.TIMEOUT, count + " transfers held");
        front.plan(InsideFront.Plan.DIRECT);
        return new HeldTransfers(relay, files, sessions, release);
    }

    /** Whether any of the transfers has ended yet. */
    boolean anyEnded() {
        return sessions.stream().anyMatch(CompletableFuture::isDone);
    }

    /** Lets the transfers go on and checks that each completed (EFPA) and arrived whole. */
    void releaseAndAssertIntact() throws Exception {
        release.complete(null);
        for (int i = 0; i < sessions.size(); i++) {
            SessionResult result = Partners.outcome(sessions.get(i));
            assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
            TestFiles.Written file = files.get(i);
            FileTransfer sent = result.file(file.path().getFileName().toString(), FileTransfer.Direction.SENT);
            // complete, not delivered: the inside daemon owes its receipts (EERP) from one inbox and may send one
            // in another session of the same partner.
            assertTrue(sent != null && sent.complete(), result::toString);
            assertEquals(file.sha256(), TestFiles.sha256(relay.inside().inbox().resolve(file.path().getFileName())),
                    "what arrived of " + file.path().getFileName());
        }
    }
}
