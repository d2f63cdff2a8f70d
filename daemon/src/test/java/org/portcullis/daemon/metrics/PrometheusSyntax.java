package org.portcullis.daemon.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must be a
 * {@code # HELP}, a {@code # TYPE} before its family's samples, or a sample of the family last typed, with valid
 * names, quoted and escaped label values and a number. Reading the text is the check; the samples come back.
 */
public final class PrometheusSyntax {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME
            + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    /** A label: its name, then its value in quotes with backslash, quote and newline escaped. */
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)="
            + "\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN|[-+]Inf");

    /**
     * One sample.
     *
     * @param name   the metric name
     * @param type   its family's type
     * @param labels its labels
     * @param value  its value
     */
    public record Sample(String name, String type, Map<String, String> labels, double value) {
    }

    private PrometheusSyntax() {
    }

    /**
     * Reads the text.
     *
     * @throws AssertionError naming the first line that breaks the format
     */
    public static List<Sample> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the text does not end with a newline");
        }
        List<Sample> samples = new ArrayList<>();
        Set<String> typed = new HashSet<>();
        String family = null;
        String type = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher help = HELP.matcher(line);
            Matcher typeLine = TYPE.matcher(line);
            if (help.matches()) {
                continue;
            }
            if (typeLine.matches()) {
                if (!typed.add(typeLine.group(1))) {
                    fail(number, line, "a second TYPE for " + typeLine.group(1));
                }
                family = typeLine.group(1);
                type = typeLine.group(2);
                continue;
            }
            if (line.startsWith("#")) {
                fail(number, line, "a comment that is neither HELP nor TYPE");
            }
            samples.add(sample(number, line, family, type));
        }
        return samples;
    }

    private static Sample sample(int number, String line, String family, String type) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            fail(number, line, "not a sample");
        }
        String name = sample.group(1);
        if (family == null || !(name.equals(family) || name.startsWith(family + "_"))) {
            fail(number, line, "a sample outside its family (last TYPE: " + family + ")");
        }
        Map<String, String> labels = new HashMap<>();
        if (sample.group(3) != null && !sample.group(3).isEmpty()) {
            for (String pair : sample.group(3).split(",(?=[a-zA-Z_][a-zA-Z0-9_]*=\")")) {
                Matcher label = LABEL.matcher(pair);
                if (!label.matches() || labels.put(label.group(1), label.group(2)) != null) {
                    fail(number, line, "a bad or repeated label: " + pair);
                }
            }
        }
        String value = sample.group(4);
        if (!NUMBER.matcher(value).matches()) {
            fail(number, line, "not a number: " + value);
        }
        double parsed = value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY
                : Double.POSITIVE_INFINITY) : Double.parseDouble(value);
        return new Sample(name, type, Map.copyOf(labels), parsed);
    }

    private static void fail(int number, String line, String problem) {
        throw new AssertionError("line " + number + " breaks the Prometheus text format (" + problem + "): " + line);
    }

    /** The value of the one sample with this name and these labels (name-value pairs). */
    public static double value(List<Sample> samples, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples " + name + wanted + " in " + samples);
        }
        return found.get(0).value();
    }
}
