package org.portcullis.link;

import io.netty.channel.Channel;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.mux.LinkAdmission;
import org.portcullis.link.mux.PeerAddress;

/** relay-server admits one link at a time; a second authenticated client is refused while the first is active. */
final class SingleLinkAdmission implements LinkAdmission {
    private static final Logger LOG = LogManager.getLogger();

    private final AtomicReference<Channel> active = new AtomicReference<>();

    @Override
    public boolean admit(Channel channel, X509Certificate peer) {
        while (true) {
            Channel current = active.get();
            if (current != null && current.isActive()) {
                LOG.warn("link refused: a link from {} is already active; refusing {} ({})",
                        PeerAddress.format(current.remoteAddress()), PeerAddress.format(channel.remoteAddress()),
                        peer.getSubjectX500Principal().getName());
                return false;
            }
            if (active.compareAndSet(current, channel)) {
                channel.closeFuture().addListener(future -> active.compareAndSet(channel, null));
                return true;
            }
        }
    }

    /** The channel of the active link, or null. */
    Channel active() {
        return active.get();
    }
}
