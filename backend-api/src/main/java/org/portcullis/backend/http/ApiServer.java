package org.portcullis.backend.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.BackendException;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.tls.TlsPolicy;

/** The API's HTTPS listener: binds, serves until closed. TLS 1.3 and 1.2 only. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final ApiSettings settings;
    private final ApiServices services;
    private final EventLoopGroup group;
    private Channel serverChannel;

    public ApiServer(ApiSettings settings, ApiServices services, EventLoopGroup group) {
        this.settings = settings;
        this.services = services;
        this.group = group;
    }

    /**
     * Binds and returns the bound address (the port chosen when 0 was asked for).
     *
     * @throws BackendException if the certificate or key cannot be read, or the address cannot be bound
     */
    public InetSocketAddress start() throws InterruptedException {
        // Before the first handshake: the JDK reads the switch once.
        TlsPolicy.refuseClientRenegotiation();
        SslContext sslContext = sslContext(settings);
        io.netty.channel.ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ApiInitializer(settings, sslContext, services))
                .bind(settings.listen())
                .await();
        if (!bound.isSuccess()) {
            throw new BackendException("cannot listen on " + Addresses.display(settings.listen()) + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        serverChannel = bound.channel();
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("API listening on https://{}", Addresses.display(local));
        return local;
    }

    /** Stops listening; open connections end with the event loops. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            LOG.info("API stopped listening on {}",
                    Addresses.display((InetSocketAddress) serverChannel.localAddress()));
        }
    }

    private static SslContext sslContext(ApiSettings settings) {
        try {
            return SslContextBuilder.forServer(settings.certificateChain().toFile(), settings.privateKey().toFile())
                    .sslProvider(SslProvider.JDK)
                    .protocols(TlsPolicy.PROTOCOLS)
                    .ciphers(TlsPolicy.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new BackendException("cannot use the API certificate " + settings.certificateChain() + " and key "
                    + settings.privateKey() + ": " + e.getMessage(), e);
        }
    }
}
