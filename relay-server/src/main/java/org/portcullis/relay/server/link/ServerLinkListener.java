package org.portcullis.relay.server.link;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;

/**
 * relay-server's side of the link: keeps the one link to relay-client (a second one while the first is active
 * is closed), passes configuration documents on, and hands the outgoing sessions relay-client opens to the
 * connector. Called on the link's event loop; everything slow is passed on to other threads.
 */
public final class ServerLinkListener implements LinkListener {
    private static final Logger LOG = LogManager.getLogger();

    private final InsideLink insideLink;
    private final CrlUrlReporter crls;
    private final BiConsumer<Link, ControlMessage> configuration;
    private final Consumer<LinkStream> outgoing;

    /**
     * @param configuration receives each {@code CONFIG} message
     * @param outgoing      receives each {@code OUTGOING} stream
     */
    public ServerLinkListener(InsideLink insideLink, CrlUrlReporter crls,
            BiConsumer<Link, ControlMessage> configuration, Consumer<LinkStream> outgoing) {
        this.insideLink = insideLink;
        this.crls = crls;
        this.configuration = configuration;
        this.outgoing = outgoing;
    }

    @Override
    public void linkUp(Link link) {
        if (!insideLink.up(link)) {
            LOG.warn("refused a second relay-client link {} from {}: another link is active", link.id(),
                    display(link.remoteAddress()));
            link.close();
            return;
        }
        LOG.info("link {} from relay-client {} is up ({})", link.id(), display(link.remoteAddress()),
                link.peerCertificate().getSubjectX500Principal());
        crls.flush();
    }

    private static String display(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? Addresses.display(inet) : String.valueOf(address);
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        if (stream.open().kind() == StreamKind.OUTGOING && insideLink.current().orElse(null) == link) {
            outgoing.accept(stream);
        } else {
            LOG.warn("[{}] refused a {} stream from link {}: relay-client opens outgoing streams only, on the active "
                    + "link", stream.open().sessionId(), stream.open().kind(), link.id());
            stream.reset("relay-server accepts outgoing streams only");
        }
    }

    @Override
    public void control(Link link, ControlMessage message) {
        switch (message.type()) {
            case CONFIG -> configuration.accept(link, message);
            case EVENT -> LOG.info("event from relay-client: {}", message.text());
            default -> LOG.warn("ignored a {} control message from relay-client: it is one relay-server sends",
                    message.type());
        }
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        if (insideLink.down(link)) {
            LOG.warn("link {} to relay-client is down{}: no new sessions until it is back", link.id(),
                    causeOrNull == null ? "" : ": " + causeOrNull.getMessage());
        }
    }
}
