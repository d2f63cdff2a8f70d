package org.portcullis.relay.client.link;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.relay.client.config.LoadedConfig;

/**
 * relay-client's side of the link: pushes the configuration (if there is one yet) on every link up, hands each
 * incoming stream to the inside daemon, logs what the server reports on the control channel and passes its CRL
 * URLs and events on. Runs on the link's event loop.
 */
public final class ClientLinkListener implements LinkListener {
    private static final Logger LOG = LogManager.getLogger();

    private final Supplier<Optional<LoadedConfig>> config;
    private final Consumer<LinkStream> incoming;
    private final Consumer<ControlMessage> reports;
    private volatile String appliedRevision;

    /**
     * @param config   the current configuration, pushed on each link up; empty before the first one arrived
     * @param incoming takes each INCOMING stream the server opens; must not block
     * @param reports  takes the server's CRL_URLS and EVENT messages (for the backend); must not block
     */
    public ClientLinkListener(Supplier<Optional<LoadedConfig>> config, Consumer<LinkStream> incoming,
            Consumer<ControlMessage> reports) {
        this.config = config;
        this.incoming = incoming;
        this.reports = reports;
    }

    /** The revision relay-server last said it applied, if it did on this run. */
    public Optional<String> appliedRevision() {
        return Optional.ofNullable(appliedRevision);
    }

    @Override
    public void linkUp(Link link) {
        LOG.info("[{}] link to relay-server {} is up", link.id(), link.remoteAddress());
        config.get().ifPresentOrElse(current -> ConfigPush.push(link, current),
                () -> LOG.info("[{}] no configuration to push yet", link.id()));
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        if (stream.open().kind() != StreamKind.INCOMING) {
            LOG.warn("[{}] relay-server opened a {} stream; relay-client takes only incoming sessions",
                    stream.open().sessionId(), stream.open().kind());
            stream.reset("relay-client takes only INCOMING streams from relay-server");
            return;
        }
        incoming.accept(stream);
    }

    @Override
    public void control(Link link, ControlMessage message) {
        switch (message.type()) {
            case CONFIG_RESULT -> ConfigPush.logResult(link, message).ifPresent(revision -> appliedRevision = revision);
            case CRL_URLS -> {
                LOG.info("[{}] relay-server saw CRL distribution points: {}", link.id(),
                        ConfigPush.abbreviated(message.text()));
                reports.accept(message);
            }
            case EVENT -> {
                LOG.info("[{}] relay-server event: {}", link.id(), ConfigPush.abbreviated(message.text()));
                reports.accept(message);
            }
            case CONFIG -> LOG.warn("[{}] relay-server sent a CONFIG message; only relay-client sends those",
                    link.id());
        }
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        if (causeOrNull == null) {
            LOG.info("[{}] link to relay-server closed", link.id());
        } else {
            LOG.warn("[{}] link to relay-server lost: {}", link.id(), causeOrNull.toString());
        }
    }
}
