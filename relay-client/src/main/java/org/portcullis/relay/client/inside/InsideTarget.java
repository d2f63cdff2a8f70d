package org.portcullis.relay.client.inside;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.portcullis.config.Addresses;
import org.portcullis.config.InsideConfig;

/**
 * Where incoming sessions go: the inside daemon's address, resolved when the configuration is applied (off the
 * event loops, which never wait for DNS), and the connect timeout.
 *
 * @param address        the daemon's address; unresolved if its name did not resolve
 * @param connectTimeout how long a connection attempt may take
 */
public record InsideTarget(InetSocketAddress address, Duration connectTimeout) {

    /** Resolves the configured host; may ask DNS, so call it off the event loops. */
    public static InsideTarget resolve(InsideConfig inside) {
        InetSocketAddress address;
        try {
            InetAddress ip = Addresses.isLiteral(inside.host()) ? Addresses.parseLiteral(inside.host())
                    : InetAddress.getByName(inside.host());
            address = new InetSocketAddress(ip, inside.port());
        } catch (UnknownHostException e) {
            address = InetSocketAddress.createUnresolved(inside.host(), inside.port());
        }
        return new InsideTarget(address, inside.connectTimeout());
    }

    /** The address as log lines show it. */
    public String display() {
        return Addresses.display(address);
    }
}
