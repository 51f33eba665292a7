package org.pellucid.contract;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;

/**
 * Whether a stated condition ({@code age > 52}, {@code workclass = Private}) is true of a row, judged
 * from the row's own values and the condition's text: numbers compared with the stated decimal,
 * categories by name. A missing value is judged as the stated form says ({@code no_condition_holds},
 * or {@code impute_numbers_no_category} with the stated imputation values); with no form to say,
 * a condition on a missing value is unknown.
 */
public final class ConditionTruth {
    private final String missing;
    private final Map<String, Double> imputed;

    private ConditionTruth(String missing, Map<String, Double> imputed) {
        this.missing = missing;
        this.imputed = Map.copyOf(imputed);
    }

    /** Judges missing values as unknown. */
    public static ConditionTruth withoutForm() {
        return new ConditionTruth("unknown", Map.of());
    }

    static ConditionTruth fromForm(JsonObject form) {
        Map<String, Double> imp = new HashMap<>();
        if (form.has("imputed")) {
            form.getAsJsonObject("imputed").entrySet().forEach(e -> imp.put(e.getKey(), e.getValue().getAsDouble()));
        }
        return new ConditionTruth(form.get("missing").getAsString(), imp);
    }

    /** True or false; empty when the row's value is missing and nothing says what that means. */
    public Optional<Boolean> judge(Condition c, Instance x) {
        Schema s = x.schema();
        int j = s.indexOf(c.feature());
        if (j < 0) {
            throw new AssertionError("condition '" + c + "' names '" + c.feature() + "', not a column of " + s.featureNames());
        }
        Column col = s.feature(j);
        double v = x.get(j);
        if (Double.isNaN(v)) {
            switch (missing) {
                case "no_condition_holds":
                    return Optional.of(false);
                case "impute_numbers_no_category":
                    if (!col.isNumeric()) {
                        return Optional.of(c.operator().equals("!="));
                    }
                    Double m = imputed.get(col.name());
                    if (m == null) {
                        throw new AssertionError("the stated form gives no imputation value for '" + col.name() + "'");
                    }
                    v = m;
                    break;
                default:
                    return Optional.empty();
            }
        }
        if (col.isNumeric()) {
            double t = number(c);
            return Optional.of(switch (c.operator()) {
                case "<" -> v < t;
                case "<=" -> v <= t;
                case ">" -> v > t;
                case ">=" -> v >= t;
                case "=" -> v == t;
                case "!=" -> v != t;
                default -> throw new AssertionError("condition '" + c + "': unknown operator '" + c.operator() + "'");
            });
        }
        if (!col.categories().contains(c.value())) {
            throw new AssertionError("condition '" + c + "': '" + c.value() + "' is not a category of " + col.name()
                    + " " + col.categories());
        }
        boolean equal = col.categories().get((int) v).equals(c.value());
        return Optional.of(switch (c.operator()) {
            case "=" -> equal;
            case "!=" -> !equal;
            default -> throw new AssertionError("condition '" + c + "': operator '" + c.operator() + "' on a category");
        });
    }

    /** {@link #judge}, with an unknown read as an error: for forms, which must say. */
    public boolean holds(Condition c, Instance x) {
        return judge(c, x).orElseThrow(() -> new AssertionError("the form does not say how '" + c + "' treats a missing value"));
    }

    private static double number(Condition c) {
        try {
            return Double.parseDouble(c.value());
        } catch (NumberFormatException e) {
            throw new AssertionError("condition '" + c + "' on a numeric column states '" + c.value() + "', not a number");
        }
    }
}
