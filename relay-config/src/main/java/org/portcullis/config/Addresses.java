package org.portcullis.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IP addresses as people read and write them: IPv4 dotted quads, IPv6 in RFC 5952 form and in brackets next to a
 * port, IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.7}) shown as the IPv4 address they carry. Parsing
 * never asks DNS: literals become {@link InetAddress}es, names stay unresolved.
 */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.\\-]+)?");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_\\-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_\\-]{0,61}[A-Za-z0-9_])?)*\\.?");

    private Addresses() {
    }

    /** The human form of an address: "192.0.2.7" (also for {@code ::ffff:192.0.2.7}) or "2001:db8::1". */
    public static String display(InetAddress address) {
        if (address instanceof Inet6Address) {
            Inet6Address v6 = (Inet6Address) address;
            byte[] bytes = v6.getAddress();
            if (isIpv4Mapped(bytes)) {
                return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            }
            String scope = v6.getScopedInterface() != null ? "%" + v6.getScopedInterface().getName()
                    : v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "";
            return compressIpv6(bytes) + scope;
        }
        return address.getHostAddress();
    }

    /**
     * The human form of a socket address: "192.0.2.7:6619", "[2001:db8::1]:6619", or "host:port" for an
     * unresolved one.
     */
    public static String display(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            String host = address.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
        }
        String text = display(ip);
        return (text.indexOf(':') >= 0 ? "[" + text + "]" : text) + ":" + address.getPort();
    }

    /**
     * Parses "host", "host:port", "192.0.2.7:port", "[2001:db8::1]:port", "[2001:db8::1]" or a bare IPv6
     * literal. IP literals come back resolved (no DNS asked), names unresolved.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static InetSocketAddress parseHostPort(String text, int defaultPort) {
        String spec = text == null ? "" : text.strip();
        String host;
        int port = defaultPort;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("\"" + spec + "\": missing ']' after the IPv6 address");
            }
            host = spec.substring(1, close);
            String rest = spec.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("\"" + spec + "\": expected ':port' after ']'");
                }
                port = parsePort(rest.substring(1), spec);
            }
            return new InetSocketAddress(parseLiteral(host), port);
        }
        int colon = spec.indexOf(':');
        if (colon >= 0 && colon == spec.lastIndexOf(':')) {
            host = spec.substring(0, colon);
            port = parsePort(spec.substring(colon + 1), spec);
        } else {
            host = spec;
        }
        return hostAndPort(host, port, spec);
    }

    /**
     * Parses a bind address "[ip:]port" as daemons take it with {@code -i}: "2878" (on {@code defaultAddress}),
     * "127.0.0.1:2878", "[::]:2878", "[::1]" or "192.0.2.7" (on the default port). The address must be a literal.
     */
    public static InetSocketAddress parseListenAddress(String text, String defaultAddress, int defaultPort) {
        String spec = text == null ? "" : text.strip();
        if (!spec.isEmpty() && spec.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new InetSocketAddress(parseLiteral(defaultAddress), parsePort(spec, spec));
        }
        InetSocketAddress parsed = parseHostPort(spec, defaultPort);
        if (parsed.isUnresolved()) {
            throw new IllegalArgumentException("\"" + spec + "\": a listen address must be an IP literal");
        }
        return parsed;
    }

    /**
     * Parses an IP literal ("192.0.2.7", "2001:db8::1", "[::1]") without asking DNS.
     *
     * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 literal
     */
    public static InetAddress parseLiteral(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an IP address is required");
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (IPV4.matcher(literal).matches()) {
                String[] parts = literal.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    bytes[i] = (byte) Integer.parseInt(parts[i]);
                }
                return InetAddress.getByAddress(bytes);
            }
            if (literal.indexOf(':') >= 0 && IPV6_CHARS.matcher(literal).matches()) {
                // The brackets make the JDK treat the text as an IPv6 literal only, never as a name to look up.
                return InetAddress.getByName("[" + literal + "]");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid IP address", e);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not an IP address");
    }

    /** True if the text is an IPv4 or IPv6 literal (brackets allowed). */
    public static boolean isLiteral(String text) {
        try {
            parseLiteral(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical text of an IP literal: brackets removed, IPv6 compressed (RFC 5952), mapped shown as IPv4. */
    static String normaliseLiteral(String text) {
        return display(parseLiteral(text));
    }

    /** True for a host name (RFC 1123 labels) or an IP literal. */
    static boolean isHost(String text) {
        return text != null && (HOST_NAME.matcher(text).matches() || isLiteral(text));
    }

    /** Throws IllegalArgumentException unless 0 <= port <= 65535 (0 = any free port, for listeners in tests). */
    static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 0-65535");
        }
    }

    /** Parses "http://host:port" into an unresolved address (IP literals resolved without DNS). */
    static InetSocketAddress parseHttpProxy(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a URL", e);
        }
        if (!"http".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getPort() < 1
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("\"" + url + "\" is not of the form http://host:port");
        }
        return hostAndPort(uri.getHost(), uri.getPort(), url);
    }

    private static InetSocketAddress hostAndPort(String host, int port, String spec) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("\"" + spec + "\": the host is missing");
        }
        if (isLiteral(host)) {
            return new InetSocketAddress(parseLiteral(host), port);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("\"" + spec + "\": \"" + host + "\" is neither a host name nor an IP address");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int parsePort(String text, String spec) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + spec + "\": \"" + text + "\" is not a port number");
        }
        int port = Integer.parseInt(text);
        if (port > 65_535) {
            throw new IllegalArgumentException("\"" + spec + "\": port " + port + " is not in 0-65535");
        }
        return port;
    }

    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
