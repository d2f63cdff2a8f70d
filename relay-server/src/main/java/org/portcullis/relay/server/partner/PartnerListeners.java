package org.portcullis.relay.server.partner;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ListenerConfig;

/**
 * The public listeners of the configuration in force. A new configuration's listeners are bound first and
 * start accepting only when it takes effect; listeners it no longer names close their listening socket only.
 * The methods block for binding and closing: call them from the configuration thread, never an event loop.
 */
public final class PartnerListeners {
    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final PartnerInitializer initializer;
    private final Duration timeout;
    private final Map<ListenerConfig, PartnerServer> servers = new LinkedHashMap<>();
    private boolean closed;
    /** What {@link #addresses()} answers without the lock, which a bind may hold for seconds. */
    private volatile List<InetSocketAddress> listening = List.of();

    /** @param timeout how long one bind or close may take */
    public PartnerListeners(EventLoopGroup group, PartnerInitializer initializer, Duration timeout) {
        this.group = group;
        this.initializer = initializer;
        this.timeout = timeout;
    }

    /**
     * Binds the wanted listeners that are not bound yet, without accepting.
     *
     * @throws ConfigException naming every listener that cannot be bound; those this call bound are closed again
     */
    public synchronized List<PartnerServer> bindMissing(List<ListenerConfig> wanted) {
        List<PartnerServer> added = new ArrayList<>();
        if (closed) {
            return added;
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ListenerConfig listener = wanted.get(i);
            if (servers.containsKey(listener)) {
                continue;
            }
            PartnerServer server = new PartnerServer(listener, group, initializer);
            try {
                server.bind().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                added.add(server);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                errors.add("listeners[" + i + "]: cannot listen on " + listener.address() + " port " + listener.port()
                        + ": " + cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add("listeners[" + i + "]: interrupted while binding");
            }
        }
        if (!errors.isEmpty()) {
            added.forEach(this::closeQuietly);
            throw new ConfigException(errors);
        }
        return added;
    }

    /** Starts accepting on the listeners just bound and closes those the configuration no longer names. */
    public synchronized void commit(List<ListenerConfig> wanted, List<PartnerServer> added) {
        if (closed) {
            // Closed (a drain) while the configuration was bound: it listens no more.
            added.forEach(this::closeQuietly);
            return;
        }
        for (PartnerServer server : added) {
            servers.put(server.listener(), server);
            server.accept();
        }
        List<ListenerConfig> unwanted = servers.keySet().stream().filter(listener -> !wanted.contains(listener))
                .toList();
        for (ListenerConfig listener : unwanted) {
            closeQuietly(servers.remove(listener));
        }
        listening = servers.values().stream().map(PartnerServer::localAddress).toList();
    }

    /** The addresses listened on now; never waits (the control port asks from its event loop). */
    public List<InetSocketAddress> addresses() {
        return listening;
    }

    /** Closes every listening socket; from now on a configuration opens none. */
    public synchronized void close() {
        closed = true;
        listening = List.of();
        servers.values().forEach(this::closeQuietly);
        servers.clear();
    }

    private void closeQuietly(PartnerServer server) {
        try {
            server.close().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing the listener on {} port {} takes longer than {} ms; it goes on in the background",
                    server.listener().address(), server.listener().port(), timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
