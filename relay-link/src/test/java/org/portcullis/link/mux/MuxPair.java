package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.cert.X509Certificate;
import org.portcullis.link.Link;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.frame.LinkFrameDecoder;
import org.portcullis.link.frame.LinkFrameEncoder;

/** A client and a server multiplexer on two in-memory channels, with the octets moved between them on demand. */
final class MuxPair implements AutoCloseable {
    final RecordingListener clientEvents = new RecordingListener();
    final RecordingListener serverEvents = new RecordingListener();
    final EmbeddedChannel client;
    final EmbeddedChannel server;

    MuxPair(LinkSettings clientSettings, LinkSettings serverSettings, X509Certificate certificate) {
        client = side(LinkRole.CLIENT, clientSettings, clientEvents, certificate);
        server = side(LinkRole.SERVER, serverSettings, serverEvents, certificate);
    }

    static EmbeddedChannel side(LinkRole role, LinkSettings settings, RecordingListener events,
                                X509Certificate certificate) {
        return new EmbeddedChannel(handlers(role, settings, events, certificate));
    }

    /** The link protocol's handlers of one side (no TLS, no idle timer), fresh for one channel. */
    static ChannelHandler[] handlers(LinkRole role, LinkSettings settings, RecordingListener events,
                                     X509Certificate certificate) {
        return new ChannelHandler[] {new LinkFrameDecoder(), new LinkFrameEncoder(),
                new HeartbeatHandler(settings.heartbeatTimeout(), role == LinkRole.SERVER),
                new MuxHandler(new LinkSide(role, settings, events), certificate), new LinkErrorsHandler()};
    }

    Link clientLink() {
        return client.pipeline().get(MuxHandler.class).link();
    }

    Link serverLink() {
        return server.pipeline().get(MuxHandler.class).link();
    }

    /** Runs both sides' tasks and moves octets both ways until nothing moves. */
    void settle() {
        boolean moved = true;
        while (moved) {
            client.runPendingTasks();
            server.runPendingTasks();
            moved = move(client, server) | move(server, client);
        }
    }

    private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (ByteBuf out; (out = from.readOutbound()) != null; ) {
            moved = true;
            if (to.isActive()) {
                to.writeInbound(out);
            } else {
                out.release();
            }
        }
        return moved;
    }

    @Override
    public void close() {
        client.finishAndReleaseAll();
        server.finishAndReleaseAll();
    }
}
