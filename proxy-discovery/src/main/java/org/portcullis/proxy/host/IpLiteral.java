package org.portcullis.proxy.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed strictly and never through DNS (PROXIES.md §4.5): IPv4 only as a dotted quad
 * of decimal numbers without leading zeros ({@code 127.1}, {@code 0x7f.0.0.1} and {@code 2130706433} are not
 * addresses here), IPv6 with or without brackets and without a zone.
 */
public final class IpLiteral {
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address the text spells, or empty when it is not an IP literal (a host name, say). */
    public static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
            if (literal.indexOf(':') < 0) {
                return Optional.empty();
            }
        }
        boolean v4 = IPV4.matcher(literal).matches();
        boolean v6 = !v4 && literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // Safe: a dotted quad or a text with a colon is parsed as a literal, never looked up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is an IP literal. */
    public static boolean isLiteral(String text) {
        return parse(text).isPresent();
    }
}
