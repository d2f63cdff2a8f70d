package org.portcullis.proxy;

import java.util.List;

/**
 * What discovery offers for one call: the routes to try in order, between notes on the steps that offered
 * none ({@code db miss}), so the caller can tell the whole story in one log line.
 *
 * @param entries the notes and candidates in order; held-back candidates come last
 */
public record DiscoveryPlan(List<Entry> entries) {

    public DiscoveryPlan {
        entries = List.copyOf(entries);
    }

    /** The candidates alone, in order. */
    public List<Candidate> candidates() {
        return entries.stream().filter(Candidate.class::isInstance).map(Candidate.class::cast).toList();
    }

    /** A note or a candidate. */
    public sealed interface Entry permits Note, Candidate {
    }

    /**
     * A step that offered nothing, or a remark about one.
     *
     * @param text for the log, e.g. {@code db miss}
     */
    public record Note(String text) implements Entry {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A route to try.
     *
     * @param route    the route
     * @param heldBack whether it failed recently and was moved to the end
     */
    public record Candidate(Route route, boolean heldBack) implements Entry {
        @Override
        public String toString() {
            return heldBack ? route + " (held back)" : route.toString();
        }
    }
}
