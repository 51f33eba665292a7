package org.pellucid.core.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A model family's options, declared once: each option's name, type, default, accepted range and
 * meaning. It is the single source for validation ({@link #read}: unknown names and out-of-range
 * values are refused with the option's name and range), for help texts ({@code pellucid train MODEL
 * --help}) and for the README's option tables (a test compares them). The idea follows Smile's
 * per-algorithm {@code Options} records, validated on construction; here one table serves every
 * family so that help, validation and provenance cannot drift apart.
 *
 * <p>A default is either a value, or <em>derived</em> from the data (e.g. "√ inputs"): then the
 * table holds the rule in words and the family supplies the value when it reads the option.
 */
public final class OptionTable {

    /** What kind of value an option takes. */
    public enum Type {
        INTEGER, NUMBER, FLAG, INTEGERS, CHOICE, TEXT
    }

    /**
     * One option.
     *
     * @param name the name given to {@code -o name=value}
     * @param type its kind of value
     * @param defaultText the default as shown in help (a value, or the rule that derives it)
     * @param range the accepted values, in words ({@code [1, ∞)}, {@code joint|sequential|independent})
     * @param meaning what it does, one sentence
     * @param derived true when the default depends on the data and is supplied by the family
     */
    public record Spec(String name, Type type, String defaultText, String range, String meaning, boolean derived,
            Object defaultValue, Function<String, Object> parser) {

        /** Parses and range-checks a value given as text; the message names the option and its range. */
        Object parse(String raw) {
            return parser.apply(raw == null ? "" : raw.trim());
        }
    }

    private final Map<String, Spec> specs;

    private OptionTable(Map<String, Spec> specs) {
        this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty table: the family takes no options. */
    public static OptionTable none() {
        return new OptionTable(Map.of());
    }

    /** The options in declaration order. */
    public List<Spec> specs() {
        return List.copyOf(specs.values());
    }

    public Set<String> names() {
        return specs.keySet();
    }

    /** Throws {@link IllegalArgumentException} when {@code name} is not in the table. */
    public Spec spec(String name) {
        Spec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no option '" + name + "' in this table; known: " + new TreeSet<>(names()));
        }
        return s;
    }

    /**
     * Validates the options of {@code config} against this table and returns their typed values.
     *
     * @throws IllegalArgumentException naming the option, and its range, for an unknown name or a
     *     value out of range
     */
    public Values read(String kind, TrainConfig config) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(config.options()).entrySet()) {
            Spec s = specs.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' for model " + kind + "; known: "
                        + new TreeSet<>(names()));
            }
            given.put(s.name(), s.parse(e.getValue()));
        }
        return new Values(kind, given);
    }

    /** One line per option: name, default, range and meaning, for help texts. */
    public List<String> helpLines() {
        int w = specs.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (Spec s : specs.values()) {
            out.add(String.format(Locale.ROOT, "  %-" + w + "s  %s (default %s; %s)", s.name(), s.meaning(), s.defaultText(),
                    s.range()));
        }
        return out;
    }

    /**
     * The typed values of one training's options: what was given, else the table's default, else
     * the derived default the family supplies. Every value read is remembered, so {@link #used()} is
     * the fully resolved set of options the model was trained with, for its provenance.
     */
    public final class Values {
        private final String kind;
        private final Map<String, Object> given;
        private final Map<String, String> used = new TreeMap<>();

        private Values(String kind, Map<String, Object> given) {
            this.kind = kind;
            this.given = given;
        }

        /** True when the option was set, rather than left to its default. */
        public boolean isSet(String name) {
            spec(name);
            return given.containsKey(name);
        }

        public int integer(String name) {
            return (Integer) value(name, Type.INTEGER, null);
        }

        /** An integer option whose default is derived from the data. */
        public int integer(String name, IntSupplier derived) {
            return (Integer) value(name, Type.INTEGER, derived::getAsInt);
        }

        public double number(String name) {
            return (Double) value(name, Type.NUMBER, null);
        }

        public double number(String name, DoubleSupplier derived) {
            return (Double) value(name, Type.NUMBER, derived::getAsDouble);
        }

        public boolean flag(String name) {
            return (Boolean) value(name, Type.FLAG, null);
        }

        public int[] integers(String name) {
            return ((int[]) value(name, Type.INTEGERS, null)).clone();
        }

        public int[] integers(String name, Supplier<int[]> derived) {
            return ((int[]) value(name, Type.INTEGERS, derived::get)).clone();
        }

        public String choice(String name) {
            return (String) value(name, Type.CHOICE, null);
        }

        public String choice(String name, Supplier<String> derived) {
            return (String) value(name, Type.CHOICE, derived::get);
        }

        /** A free-text option (a file name, a mixed value), or null when unset without a default. */
        public String text(String name) {
            return (String) value(name, Type.TEXT, null);
        }

        public String text(String name, Supplier<String> derived) {
            return (String) value(name, Type.TEXT, derived::get);
        }

        /** Every option read so far with the value used, as text, for {@code Provenance.options}. */
        public Map<String, String> used() {
            return new TreeMap<>(used);
        }

        private Object value(String name, Type type, Supplier<Object> derived) {
            Spec s = spec(name);
            if (s.type() != type) {
                throw new IllegalStateException(kind + ": option " + name + " is " + s.type() + ", read as " + type);
            }
            Object v;
            if (given.containsKey(name)) {
                v = given.get(name);
            } else if (s.derived()) {
                if (derived == null) {
                    throw new IllegalStateException(kind + ": option " + name + " has a derived default; supply it");
                }
                v = derived.get();
            } else {
                v = s.defaultValue();
            }
            if (v != null) {
                used.put(name, v instanceof int[] a ? join(a) : String.valueOf(v));
            }
            return v;
        }
    }

    private static String join(int[] a) {
        return String.join(",", Arrays.stream(a).mapToObj(Integer::toString).toList());
    }

    private static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Declares options in the order help shows them. */
    public static final class Builder {
        private final Map<String, Spec> specs = new LinkedHashMap<>();

        private Builder add(Spec s) {
            if (specs.put(s.name(), s) != null) {
                throw new IllegalStateException("option " + s.name() + " declared twice");
            }
            return this;
        }

        /** Every option of {@code other}, in its order (a family that extends another's training, as ga2m extends nam). */
        public Builder including(OptionTable other) {
            other.specs.values().forEach(this::add);
            return this;
        }

        /** An integer in {@code [min, max]} ({@code max} = {@link Integer#MAX_VALUE} for none). */
        public Builder integer(String name, int def, int min, int max, String meaning) {
            return add(new Spec(name, Type.INTEGER, Integer.toString(def), intRange(min, max), meaning, false, def,
                    raw -> parseInt(name, raw, min, max)));
        }

        /** An integer whose default the family derives from the data, described by {@code defaultText}. */
        public Builder integer(String name, String defaultText, int min, int max, String meaning) {
            return add(new Spec(name, Type.INTEGER, defaultText, intRange(min, max), meaning, true, null,
                    raw -> parseInt(name, raw, min, max)));
        }

        /**
         * A finite number in the range from {@code min} to {@code max}; {@code minOpen} excludes
         * {@code min} itself (a learning rate must be above 0).
         */
        public Builder number(String name, double def, double min, boolean minOpen, double max, String meaning) {
            return add(new Spec(name, Type.NUMBER, num(def), numRange(min, minOpen, max), meaning, false, def,
                    raw -> parseNumber(name, raw, min, minOpen, max)));
        }

        public Builder number(String name, String defaultText, double min, boolean minOpen, double max, String meaning) {
            return add(new Spec(name, Type.NUMBER, defaultText, numRange(min, minOpen, max), meaning, true, null,
                    raw -> parseNumber(name, raw, min, minOpen, max)));
        }

        public Builder flag(String name, boolean def, String meaning) {
            return add(new Spec(name, Type.FLAG, Boolean.toString(def), "true|false", meaning, false, def, raw -> switch (raw) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("option " + name + " must be true or false, got '" + raw + "'");
            }));
        }

        /** Comma-separated integers, each at least {@code min}; {@code allowEmpty} accepts an empty list. */
        public Builder integers(String name, int[] def, int min, boolean allowEmpty, String meaning) {
            return add(new Spec(name, Type.INTEGERS, join(def), listRange(min, allowEmpty), meaning, false, def.clone(),
                    raw -> parseInts(name, raw, min, allowEmpty)));
        }

        public Builder integers(String name, String defaultText, int min, boolean allowEmpty, String meaning) {
            return add(new Spec(name, Type.INTEGERS, defaultText, listRange(min, allowEmpty), meaning, true, null,
                    raw -> parseInts(name, raw, min, allowEmpty)));
        }

        public Builder choice(String name, String def, List<String> values, String meaning) {
            if (!values.contains(def)) {
                throw new IllegalStateException("default " + def + " of " + name + " is not among " + values);
            }
            return add(new Spec(name, Type.CHOICE, def, String.join("|", values), meaning, false, def,
                    raw -> parseChoice(name, raw, values)));
        }

        public Builder choice(String name, String defaultText, List<String> values, String meaning, boolean derived) {
            return add(new Spec(name, Type.CHOICE, defaultText, String.join("|", values), meaning, derived, derived ? null : defaultText,
                    raw -> parseChoice(name, raw, values)));
        }

        /**
         * Free text checked by {@code check}, which returns the accepted value or throws
         * {@link IllegalArgumentException} with the option's name and what it accepts.
         */
        public Builder text(String name, String defaultText, boolean derived, String range, String meaning,
                Function<String, String> check) {
            return add(new Spec(name, Type.TEXT, defaultText, range, meaning, derived, derived ? null : defaultText,
                    raw -> check.apply(raw)));
        }

        public OptionTable build() {
            return new OptionTable(specs);
        }
    }

    private static String intRange(int min, int max) {
        return "[" + min + ", " + (max == Integer.MAX_VALUE ? "∞)" : max + "]");
    }

    private static String numRange(double min, boolean minOpen, double max) {
        return (minOpen ? "(" : "[") + num(min) + ", " + (Double.isInfinite(max) ? "∞)" : num(max) + "]");
    }

    private static String listRange(int min, boolean allowEmpty) {
        return "comma-separated integers ≥ " + min + (allowEmpty ? ", or empty" : "");
    }

    private static int parseInt(String name, String raw, int min, int max) {
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer in " + intRange(min, max) + ", got '" + raw + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("option " + name + " must be an integer in " + intRange(min, max) + ", got " + raw);
        }
        return (int) v;
    }

    private static double parseNumber(String name, String raw, double min, boolean minOpen, double max) {
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || v < min || (minOpen && v == min) || v > max) {
            throw new IllegalArgumentException("option " + name + " must be a number in " + numRange(min, minOpen, max)
                    + ", got '" + raw + "'");
        }
        return v;
    }

    private static int[] parseInts(String name, String raw, int min, boolean allowEmpty) {
        if (raw.isEmpty()) {
            if (allowEmpty) {
                return new int[0];
            }
            throw new IllegalArgumentException("option " + name + " must be " + listRange(min, false) + ", got an empty value");
        }
        try {
            int[] a = Arrays.stream(raw.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int x : a) {
                if (x < min) {
                    throw new NumberFormatException();
                }
            }
            return a;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be " + listRange(min, allowEmpty) + ", got '" + raw + "'");
        }
    }

    private static String parseChoice(String name, String raw, List<String> values) {
        if (!values.contains(raw)) {
            throw new IllegalArgumentException("option " + name + " must be one of " + String.join("|", values) + ", got '" + raw + "'");
        }
        return raw;
    }
}
