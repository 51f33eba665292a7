package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Numbers;
import org.pellucid.core.data.Schema;

/**
 * Reads expert rules, one per line: {@code IF cond [AND cond]... THEN class}, where a condition is
 * {@code column op value} with op one of {@code <= < > >= = !=}, or {@code NOT column = value}.
 * Column and class names are as in the data; values are numbers for numeric columns and category
 * names otherwise. Blank lines and lines starting with {@code #} are ignored. Errors name the line
 * and what is wrong.
 */
public final class RuleParser {
    /** A parsed rule: its literals (all must hold) and the class it concludes. */
    public record Parsed(List<Literal> literals, int outcome, String text) {}

    /** A syntax error or an unknown column, value or class. */
    public static final class RuleSyntaxException extends IllegalArgumentException {
        public RuleSyntaxException(String message) {
            super(message);
        }
    }

    private RuleParser() {}

    public static List<Parsed> parse(String text, Schema schema) {
        List<Parsed> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(parseRule(line, schema));
            } catch (RuleSyntaxException e) {
                throw new RuleSyntaxException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    public static Parsed parseRule(String line, Schema schema) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("IF ")) {
            throw new RuleSyntaxException("a rule starts with IF: '" + line + "'");
        }
        int then = upper.lastIndexOf(" THEN ");
        if (then < 0) {
            throw new RuleSyntaxException("a rule needs THEN and a class: '" + line + "'");
        }
        String cls = line.substring(then + 6).strip();
        int outcome = schema.classes().indexOf(cls);
        if (outcome < 0) {
            throw new RuleSyntaxException("unknown class '" + cls + "'; classes are " + schema.classes());
        }
        String body = line.substring(3, then).strip();
        if (body.isEmpty()) {
            throw new RuleSyntaxException("the rule has no condition");
        }
        List<Literal> lits = new ArrayList<>();
        for (String part : body.split("(?i)\\s+AND\\s+")) {
            lits.add(condition(part.strip(), schema));
        }
        return new Parsed(lits, outcome, line);
    }

    private static Literal condition(String c, Schema schema) {
        boolean not = false;
        if (c.toUpperCase(Locale.ROOT).startsWith("NOT ")) {
            not = true;
            c = c.substring(4).strip();
        }
        String op = null;
        int at = -1;
        for (String o : new String[] {"<=", ">=", "!=", "<", ">", "="}) {
            int k = c.indexOf(o);
            if (k > 0 && (at < 0 || k < at)) {
                at = k;
                op = o;
            }
        }
        if (op == null) {
            throw new RuleSyntaxException("'" + c + "' is not a condition (column op value, op one of <= < > >= = !=)");
        }
        if (at + op.length() < c.length() && op.length() == 1 && (c.charAt(at + 1) == '=')) {
            op = op + "=";
        }
        String col = c.substring(0, at).strip();
        String val = c.substring(at + op.length()).strip();
        int j = schema.indexOf(col);
        if (j < 0) {
            throw new RuleSyntaxException("unknown column '" + col + "'; columns are " + schema.featureNames());
        }
        Column column = schema.feature(j);
        if (val.isEmpty()) {
            throw new RuleSyntaxException("'" + c + "' has no value");
        }
        if (not) {
            op = switch (op) {
                case "=" -> "!=";
                case "!=" -> "=";
                case "<=" -> ">";
                case ">" -> "<=";
                case "<" -> ">=";
                default -> "<";
            };
        }
        if (column.isNumeric()) {
            Double v = Numbers.tryParse(val);
            if (v == null) {
                throw new RuleSyntaxException(col + " is numeric; '" + val + "' is not a number");
            }
            return new Literal(j, op, v);
        }
        if (!op.equals("=") && !op.equals("!=")) {
            throw new RuleSyntaxException(col + " is categorical: use = or !=, not " + op);
        }
        int k = column.categoryIndex(val);
        if (k < 0) {
            throw new RuleSyntaxException("unknown category '" + val + "' of " + col + "; known: " + column.categories());
        }
        return new Literal(j, op, k);
    }

    /** A rule as text that {@link #parseRule} reads back to the same rule. */
    public static String print(List<Literal> literals, int outcome, Schema schema) {
        List<String> c = new ArrayList<>();
        for (Literal l : literals) {
            c.add(l.toText(schema));
        }
        return "IF " + String.join(" AND ", c) + " THEN " + schema.classes().get(outcome);
    }
}
