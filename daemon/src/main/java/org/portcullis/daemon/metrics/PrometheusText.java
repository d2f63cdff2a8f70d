package org.portcullis.daemon.metrics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format (version 0.0.4): per family a {@code # HELP} and a
 * {@code # TYPE} line, then its samples, {@code name{label="value",...} number}. Labels are few and bounded
 * (a direction, a verdict, a reason), never a partner or session id. Not thread-safe: one per answer.
 */
public final class PrometheusText {
    /** The HTTP content type of this text, for a scraper that asks. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Metric types used here. */
    public enum Type {
        COUNTER, GAUGE
    }

    private final StringBuilder text = new StringBuilder();
    private final Set<String> names = new HashSet<>();

    /**
     * Starts a family; its samples follow through the family returned, before the next family starts.
     *
     * @param name a metric name; a counter's ends with {@code _total}
     * @throws IllegalArgumentException for an invalid or repeated name
     */
    public Family family(String name, Type type, String help) {
        if (!METRIC_NAME.matcher(name).matches() || !names.add(name)) {
            throw new IllegalArgumentException("invalid or repeated metric name: " + name);
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends with _total: " + name);
        }
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
        return new Family(name);
    }

    /** A family with one sample and no labels. */
    public PrometheusText single(String name, Type type, String help, double value) {
        family(name, type, help).sample(value);
        return this;
    }

    /** The text written so far. */
    @Override
    public String toString() {
        return text.toString();
    }

    /** The samples of one family. */
    public final class Family {
        private final String name;

        private Family(String name) {
            this.name = name;
        }

        /**
         * One sample.
         *
         * @param labels label names and values, alternating
         */
        public Family sample(double value, String... labels) {
            if (labels.length % 2 != 0) {
                throw new IllegalArgumentException("labels come in name-value pairs");
            }
            text.append(name);
            if (labels.length > 0) {
                text.append('{');
                for (int i = 0; i < labels.length; i += 2) {
                    if (!LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                        throw new IllegalArgumentException("invalid label name: " + labels[i]);
                    }
                    text.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1]))
                            .append('"');
                }
                text.append('}');
            }
            text.append(' ').append(number(value)).append('\n');
            return this;
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
