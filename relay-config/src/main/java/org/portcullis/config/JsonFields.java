package org.portcullis.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of one JSON object of the document, read by name with every type error recorded under the field's
 * path; {@link #finish()} then records the fields nobody asked for as unknown. A missing field and a JSON null
 * are the same: absent.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final ErrorList errors;
    private final Set<String> known = new LinkedHashSet<>();
    private int start = -1;

    private JsonFields(JsonNode node, String path, ErrorList errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The object at the path, or null (with an error recorded) if the node is not an object. */
    static JsonFields of(JsonNode node, String path, ErrorList errors) {
        if (!node.isObject()) {
            errors.add(path.isEmpty() ? "document" : path, "must be a JSON object");
            return null;
        }
        return new JsonFields(node, path, errors);
    }

    /** The path of this object ("" for the root). */
    String path() {
        return path;
    }

    /** True if an error was recorded since the first field of this object was read (nested objects included). */
    boolean hasErrors() {
        return start >= 0 && errors.size() > start;
    }

    /** The path of a field of this object. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Records an error against a field of this object. */
    void error(String name, String message) {
        errors.add(path(name), message);
    }

    /** The field's value, or null when absent or JSON null; an absent required field is recorded as an error. */
    JsonNode value(String name, boolean required) {
        if (start < 0) {
            // Marked on first use, not on creation: the entries of an array are created together, read in turn.
            start = errors.size();
        }
        known.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        return value;
    }

    /** True if the field is present and not JSON null. */
    boolean has(String name) {
        return value(name, false) != null;
    }

    /** A string field, or null when absent (recorded as an error if required) or not a string. */
    String string(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        return value.textValue();
    }

    /** An integer field in [min, max], the default when absent, null when wrong (and recorded). */
    Integer integer(String name, Integer defaultValue, int min, int max) {
        JsonNode value = value(name, defaultValue == null);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            error(name, "must be an integer in " + min + "-" + max + ", not " + value);
            return null;
        }
        return value.intValue();
    }

    /** A positive duration field ("10s", "500ms", "PT10S"), the default when absent, null when wrong. */
    Duration duration(String name, Duration defaultValue) {
        JsonNode value = value(name, defaultValue == null);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isTextual()) {
            error(name, "must be a duration string like \"10s\", \"500ms\", \"5m\" or \"PT10S\", not " + value);
            return null;
        }
        try {
            Duration duration = Durations.parse(value.textValue());
            Durations.checkPositive(duration, "the duration");
            if (duration.toNanos() % 1_000_000 != 0) {
                throw new IllegalArgumentException("\"" + value.textValue() + "\" is finer than a millisecond");
            }
            return duration;
        } catch (IllegalArgumentException | ArithmeticException e) {
            error(name, e instanceof ArithmeticException ? "is too long" : e.getMessage());
            return null;
        }
    }

    /** One of the enum's constants (case-insensitive), the default when absent, null when wrong. */
    <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        JsonNode value = value(name, defaultValue == null);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (value.isTextual() && constant.name().equalsIgnoreCase(value.textValue())) {
                return constant;
            }
        }
        error(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ", not " + value);
        return null;
    }

    /** A nested object, or null when absent (an error if required) or not an object. */
    JsonFields object(String name, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : of(value, path(name), errors);
    }

    /** The objects of an array field; an empty list when absent; entries that are not objects are recorded. */
    List<JsonFields> objects(String name, boolean required) {
        List<JsonFields> objects = new ArrayList<>();
        List<JsonNode> elements = array(name, required);
        for (int i = 0; i < elements.size(); i++) {
            objects.add(of(elements.get(i), path(name) + "[" + i + "]", errors));
        }
        return objects;
    }

    /** The strings of an array field; an empty list when absent; entries that are not strings are recorded. */
    List<String> strings(String name) {
        List<String> strings = new ArrayList<>();
        List<JsonNode> elements = array(name, false);
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).isTextual()) {
                strings.add(elements.get(i).textValue());
            } else {
                errors.add(path(name) + "[" + i + "]", "must be a string");
                strings.add(null);
            }
        }
        return strings;
    }

    /** Records every field of the object that no reader asked for, with a guess at the intended name. */
    void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String guess = closest(name);
                error(name, "unknown field" + (guess == null ? "" : " (did you mean \"" + guess + "\"?)"));
            }
        }
    }

    private List<JsonNode> array(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            error(name, "must be a JSON array");
            return List.of();
        }
        if (required && value.isEmpty()) {
            error(name, "must not be empty");
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    private String closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
