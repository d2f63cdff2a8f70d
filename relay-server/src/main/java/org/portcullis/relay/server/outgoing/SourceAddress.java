package org.portcullis.relay.server.outgoing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import org.portcullis.config.Addresses;
import org.portcullis.config.ConfigException;

/** The local address outgoing sessions are made from, checked to be one of this host's own. */
final class SourceAddress {
    private SourceAddress() {
    }

    /**
     * The address to bind before connecting, or {@code null} for any. Blocking (it asks the kernel for the
     * interfaces): not on an event loop.
     *
     * @throws ConfigException when the configured address is not on any interface of this host
     */
    static InetSocketAddress local(String configured) {
        if (configured == null) {
            return null;
        }
        InetAddress address = Addresses.parseLiteral(configured);
        try {
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new ConfigException("outgoing.sourceAddress: " + configured + " is not an address of this host");
            }
        } catch (SocketException e) {
            throw new ConfigException("outgoing.sourceAddress: cannot list this host's addresses: " + e.getMessage(), e);
        }
        return new InetSocketAddress(address, 0);
    }
}
