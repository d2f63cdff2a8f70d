package org.portcullis.proxy.host;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

/**
 * The hosts an outgoing connection may go to (partner hosts of outgoing routes, CRL hosts), safe by
 * construction as PROXIES.md §4 asks: an entry is an exact host name ({@code crl.example.com}), a wildcard
 * {@code *.example.com} for any name under it (not the apex: list that separately), or an IP address with an
 * optional CIDR prefix. There are no regular expressions, names match on label boundaries only, entries and
 * candidates are normalised alike ({@link HostName}), and a malformed entry fails the whole list.
 */
public final class HostAllowList {
    private static final PublicSuffixMatcher PUBLIC_SUFFIXES = PublicSuffixMatcherLoader.getDefault();

    private final List<String> entries;
    private final Set<String> exactHosts = new HashSet<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<IpRange> ranges = new ArrayList<>();

    private HostAllowList(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String entry : this.entries) {
            add(entry.strip());
        }
    }

    /**
     * The list of these entries.
     *
     * @throws IllegalArgumentException naming every malformed entry
     */
    public static HostAllowList parse(Collection<String> entries) {
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new HostAllowList(List.copyOf(entries));
    }

    /** One message per malformed entry (empty when all are well formed), for configuration validators. */
    public static List<String> problems(Collection<String> entries) {
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            try {
                check(entry);
            } catch (IllegalArgumentException e) {
                problems.add("allow-list entry '" + entry + "': " + e.getMessage());
            }
        }
        return problems;
    }

    /** Whether a connection to this host (as it will be contacted: the CONNECT and TLS SNI name) is allowed. */
    public boolean allows(String host) {
        Optional<InetAddress> address = IpLiteral.parse(host);
        if (address.isPresent()) {
            return ranges.stream().anyMatch(range -> range.contains(address.get()));
        }
        String name;
        try {
            name = HostName.normalize(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (looksNumeric(name)) {
            // 127.1 or 2130706433: a resolver would take it for an address, so no name rule may match it.
            return false;
        }
        return exactHosts.contains(name) || suffixes.stream().anyMatch(suffix -> HostName.isStrictlyUnder(name, suffix));
    }

    /** The entries as given. */
    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }

    private void add(String entry) {
        if (entry.startsWith("*.")) {
            suffixes.add(HostName.normalize(entry.substring(2)));
        } else if (isIpEntry(entry)) {
            ranges.add(IpRange.parse(entry));
        } else {
            exactHosts.add(HostName.normalize(entry));
        }
    }

    private static void check(String raw) {
        String entry = raw.strip();
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (isIpEntry(entry)) {
            IpRange.parse(entry);
            return;
        }
        if (entry.contains("://") || entry.indexOf('/') >= 0 || entry.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a host name only: no scheme, port or path (CIDR only after an IP)");
        }
        boolean wildcard = entry.startsWith("*.");
        String name = wildcard ? entry.substring(2) : entry;
        if (name.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'*' is allowed only as the whole leftmost label, as in *.example.com");
        }
        String normalized = HostName.normalize(name);
        if (looksNumeric(normalized)) {
            throw new IllegalArgumentException("not a strict IPv4 address (a dotted quad) nor a host name");
        }
        if (wildcard && PUBLIC_SUFFIXES.matches(normalized)) {
            throw new IllegalArgumentException("a wildcard over the public suffix " + normalized + " would allow anyone's hosts");
        }
    }

    private static boolean isIpEntry(String entry) {
        int slash = entry.indexOf('/');
        return IpLiteral.isLiteral(slash < 0 ? entry : entry.substring(0, slash));
    }

    /** A name whose last label is all digits (no top-level domain is) is an address in disguise. */
    private static boolean looksNumeric(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
