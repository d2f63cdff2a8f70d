package org.portcullis.link.mux;

import java.util.Objects;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkSettings;

/**
 * What the multiplexer of one end of the link needs.
 *
 * @param role     client (odd stream ids) or server (even stream ids)
 * @param settings heartbeats, windows, limits
 * @param listener the owner's callbacks
 */
public record LinkSide(LinkRole role, LinkSettings settings, LinkListener listener) {

    public LinkSide {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
    }
}
