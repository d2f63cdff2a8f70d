package org.portcullis.backend.http;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.portcullis.config.Addresses;

/** How a client connection is named in log lines: its address and port, "192.0.2.7:51234" or "[2001:db8::7]:51234". */
final class Peers {
    private Peers() {
    }

    static String name(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress ? Addresses.display((InetSocketAddress) remote)
                : String.valueOf(remote);
    }
}
