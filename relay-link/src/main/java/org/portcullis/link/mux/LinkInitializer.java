package org.portcullis.link.mux;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;

/** Assembles a link connection's pipeline before TLS: {@code tls → linkAdmission → errors}. */
public final class LinkInitializer extends ChannelInitializer<SocketChannel> {
    private final LinkEndpoint endpoint;

    public LinkInitializer(LinkEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        SslHandler tls = endpoint.sslContext().newHandler(channel.alloc());
        tls.setHandshakeTimeoutMillis(endpoint.side().settings().handshakeTimeout().toMillis());
        // A dead peer must not hold the close: close_notify gets at most one heartbeat interval to go out.
        tls.setCloseNotifyFlushTimeoutMillis(endpoint.side().settings().heartbeatInterval().toMillis());
        channel.pipeline()
                .addLast("tls", tls)
                .addLast("linkAdmission", new LinkAdmissionHandler(endpoint))
                .addLast("errors", new LinkErrorsHandler());
    }
}
