package org.portcullis.proxy.host;

import java.net.IDN;
import java.util.Locale;

/**
 * Host names in the one form every comparison here uses (PROXIES.md §4): trimmed, one trailing dot removed,
 * internationalised labels as A-labels, lower case, and only letter-digit-hyphen labels of 1 to 63 characters.
 */
public final class HostName {
    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private HostName() {
    }

    /**
     * The normalised form of a DNS name.
     *
     * @throws IllegalArgumentException if it is empty, too long, has an empty or non-LDH label, or does not
     *                                  convert to A-labels
     */
    public static String normalize(String name) {
        String trimmed = name.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty host name");
        }
        if (trimmed.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'%' in host name " + name);
        }
        String ascii;
        try {
            // Flags 0: no unassigned code points and no relaxed STD3 rules (IDNA2003, as the JDK offers it).
            ascii = IDN.toASCII(trimmed, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid internationalised host name: " + name, e);
        }
        checkLabels(ascii, name);
        return ascii;
    }

    /** Whether {@code host} is {@code domain} itself or lies under it, on a label boundary (both normalised). */
    public static boolean isWithin(String host, String domain) {
        return host.equals(domain) || isStrictlyUnder(host, domain);
    }

    /** Whether {@code host} lies under {@code domain} on a label boundary, the domain itself excluded. */
    public static boolean isStrictlyUnder(String host, String domain) {
        return host.length() > domain.length() + 1 && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.';
    }

    private static void checkLabels(String ascii, String original) {
        if (ascii.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("host name longer than " + MAX_LENGTH + " characters: " + original);
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("empty or over-long label in host name " + original);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new IllegalArgumentException("label starts or ends with '-' in host name " + original);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ldh) {
                    throw new IllegalArgumentException("character '" + c + "' not allowed in host name " + original);
                }
            }
        }
    }
}
