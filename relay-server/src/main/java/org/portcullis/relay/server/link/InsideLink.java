package org.portcullis.relay.server.link;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamOpen;

/** The one link to relay-client that carries sessions inside, while it is up. Thread-safe. */
public final class InsideLink {
    private final AtomicReference<Link> current = new AtomicReference<>();

    /** Takes {@code link} as the link unless another active one is in use; false then. */
    boolean up(Link link) {
        while (true) {
            Link now = current.get();
            if (now != null && now != link && now.isActive()) {
                return false;
            }
            if (current.compareAndSet(now, link)) {
                return true;
            }
        }
    }

    /** Forgets {@code link} if it is the current one; false if it was not. */
    boolean down(Link link) {
        return current.compareAndSet(link, null);
    }

    /** The link while it is up. */
    public Optional<Link> current() {
        Link link = current.get();
        return link != null && link.isActive() ? Optional.of(link) : Optional.empty();
    }

    /** Opens a stream to relay-client; fails with {@link LinkException} when no link is up. */
    public CompletableFuture<LinkStream> openStream(StreamOpen open) {
        return current().map(link -> link.openStream(open))
                .orElseGet(() -> CompletableFuture.failedFuture(new LinkException("no link to relay-client")));
    }

    /** Sends a control message if a link is up; false if none is. */
    public boolean sendControl(ControlMessage message) {
        Optional<Link> link = current();
        link.ifPresent(up -> up.sendControl(message));
        return link.isPresent();
    }
}
