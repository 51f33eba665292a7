package org.pellucid.neurosymbolic;

import java.math.BigDecimal;
import java.util.Set;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;

/**
 * One test on one column: {@code age > 52}, {@code workclass = Private}. Numbers compare with the
 * operator; categories are stored as their index. A missing value satisfies no literal.
 *
 * @param column the column's index in the schema
 * @param op {@code <=}, {@code <}, {@code >}, {@code >=}, {@code =} or {@code !=}
 * @param value the threshold, or the category index
 */
public record Literal(int column, String op, double value) {

    public Literal {
        if (!Set.of("<=", "<", ">", ">=", "=", "!=").contains(op)) {
            throw new IllegalArgumentException("unknown operator '" + op + "'");
        }
    }

    public boolean holds(double[] row) {
        double v = row[column];
        if (Double.isNaN(v)) {
            return false;
        }
        return switch (op) {
            case "<=" -> v <= value;
            case "<" -> v < value;
            case ">" -> v > value;
            case ">=" -> v >= value;
            case "=" -> v == value;
            default -> v != value;
        };
    }

    /** In the user's terms. */
    public Condition toCondition(Schema s) {
        Column c = s.feature(column);
        String v = c.isNumeric() ? number(value) : c.categories().get((int) value);
        return new Condition(c.name(), op, v);
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    public String toText(Schema s) {
        return toCondition(s).toString();
    }
}
