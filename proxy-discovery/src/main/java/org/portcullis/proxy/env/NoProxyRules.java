package org.portcullis.proxy.env;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portcullis.proxy.host.IpLiteral;
import org.portcullis.proxy.host.IpRange;

/**
 * The {@code NO_PROXY} list read with curl's rules (PROXIES.md §1.5): entries separated by commas; {@code *}
 * means every host; a name matches itself and every name under it on a dot boundary ({@code example.com}
 * matches {@code www.example.com}, not {@code badexample.com}), and a leading {@code .} (or {@code *.}) is
 * ignored; an IP address or CIDR range matches only hosts given as addresses, never through DNS; IPv6
 * without brackets, or in brackets when followed by a port. Going a little beyond curl, an entry may end in
 * {@code :PORT} and then applies to that port only. Entries that cannot match anything are ignored and listed
 * by {@link #ignored()}.
 */
public final class NoProxyRules {
    private static final NoProxyRules NONE = new NoProxyRules(false, List.of(), List.of());

    private final boolean everything;
    private final List<Rule> rules;
    private final List<String> ignored;

    private NoProxyRules(boolean everything, List<Rule> rules, List<String> ignored) {
        this.everything = everything;
        this.rules = List.copyOf(rules);
        this.ignored = List.copyOf(ignored);
    }

    /** No exceptions: every host goes through the proxy. */
    public static NoProxyRules none() {
        return NONE;
    }

    /** The rules of a {@code NO_PROXY} value; null or blank means none. */
    public static NoProxyRules parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean everything = false;
        List<Rule> rules = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String token : value.split(",")) {
            String entry = token.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                everything = true;
                continue;
            }
            Optional<Rule> rule = Rule.parse(entry);
            if (rule.isPresent()) {
                rules.add(rule.get());
            } else {
                ignored.add(entry);
            }
        }
        return new NoProxyRules(everything, rules, ignored);
    }

    /** Whether a connection to this host and port goes direct rather than through the proxy. */
    public boolean bypasses(String host, int port) {
        if (everything) {
            return true;
        }
        Optional<InetAddress> address = IpLiteral.parse(host);
        String name = address.isPresent() ? null : normalizeName(host);
        return rules.stream().anyMatch(rule -> rule.matches(address, name, port));
    }

    /** Entries that cannot match any host (a malformed range, say), for the discovery log. */
    public List<String> ignored() {
        return ignored;
    }

    /** Lower case, one trailing dot removed: the form names are compared in. */
    static String normalizeName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** One entry: a name suffix or an address range, with an optional port (0 = any). */
    private record Rule(String suffix, IpRange range, int port) {

        static Optional<Rule> parse(String entry) {
            String text = entry;
            int port = 0;
            int colon = text.lastIndexOf(':');
            boolean bracketed = text.startsWith("[");
            boolean portAllowed = bracketed ? text.indexOf("]:") == colon - 1 : text.indexOf(':') == colon;
            if (colon > 0 && portAllowed && text.substring(colon + 1).matches("[0-9]{1,5}")) {
                port = Integer.parseInt(text.substring(colon + 1));
                text = text.substring(0, colon);
            }
            if (bracketed && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            int slash = text.indexOf('/');
            if (IpLiteral.isLiteral(slash < 0 ? text : text.substring(0, slash))) {
                try {
                    return Optional.of(new Rule(null, IpRange.parse(text), port));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            String name = text.startsWith("*.") ? text.substring(2) : text.startsWith(".") ? text.substring(1) : text;
            name = normalizeName(name);
            if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('*') >= 0 || name.indexOf(':') >= 0) {
                return Optional.empty();
            }
            return Optional.of(new Rule(name, null, port));
        }

        boolean matches(Optional<InetAddress> address, String name, int targetPort) {
            if (port != 0 && port != targetPort) {
                return false;
            }
            if (range != null) {
                return address.isPresent() && range.contains(address.get());
            }
            return name != null && (name.equals(suffix) || name.endsWith("." + suffix));
        }
    }
}
