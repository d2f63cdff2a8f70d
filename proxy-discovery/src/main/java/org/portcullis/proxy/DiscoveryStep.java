package org.portcullis.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The steps of proxy discovery, each a source of routes to the backend, tried in the configured order. */
public enum DiscoveryStep {
    /** The route that last reached the backend, kept in the local state file. */
    DB,
    /** The environment: {@code https_proxy}, {@code HTTPS_PROXY}, {@code http_proxy}, {@code HTTP_PROXY}, {@code NO_PROXY}. */
    OS,
    /** The proxies given on the command line ({@code --proxy}), in their order. */
    FLAGS,
    /** No proxy at all. */
    DIRECT;

    /** The default order, {@code db,os,flags,direct}. */
    public static final List<DiscoveryStep> DEFAULT_ORDER = List.of(DB, OS, FLAGS, DIRECT);

    /**
     * Parses an order such as {@code db,os,flags,direct} (case-insensitive, each step at most once).
     *
     * @throws IllegalArgumentException on an unknown or repeated step, or an empty order
     */
    public static List<DiscoveryStep> parseOrder(String text) {
        List<DiscoveryStep> order = new ArrayList<>();
        for (String token : text.split(",")) {
            String name = token.strip();
            DiscoveryStep step;
            try {
                step = valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown proxy discovery step '" + name + "' (db, os, flags, direct)", e);
            }
            if (order.contains(step)) {
                throw new IllegalArgumentException("proxy discovery step " + step.label() + " given twice");
            }
            order.add(step);
        }
        return List.copyOf(order);
    }

    /** The step as the order and the logs spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
