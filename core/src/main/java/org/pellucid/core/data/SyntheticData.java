package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generators of data whose ground truth is known, so that explanations can be checked against it.
 *
 * <ul>
 *   <li>{@code xor}, {@code trig}, {@code dot}: the three synthetic concept tasks of Espinosa
 *       Zarlenga et al., "Concept Embedding Models", NeurIPS 2022 — inputs, binary concepts and a
 *       label that depends on the inputs only through (XOR, Trig) or beyond (Dot) the concepts.</li>
 *   <li>{@code rule}: a credit-style table of eight columns where the label follows one known rule
 *       of three columns ({@link #RULE_TEXT}), the other five being noise; {@link #RULE_RELEVANT}
 *       names the relevant columns.</li>
 * </ul>
 */
public final class SyntheticData {
    /** The rule behind {@code synthetic:rule}, in the user's terms. */
    public static final String RULE_TEXT =
            "IF income > 50 AND debt_ratio < 0.4 THEN approve; IF employment = unemployed THEN deny";
    /** The columns the {@code synthetic:rule} label depends on. */
    public static final List<String> RULE_RELEVANT = List.of("income", "debt_ratio", "employment");
    /** The names {@link #generate} accepts. */
    public static final List<String> NAMES = List.of("xor", "trig", "dot", "rule");

    private SyntheticData() {}

    public static Dataset generate(String name, int n, long seed) {
        return switch (name) {
            case "xor" -> xor(n, seed);
            case "trig" -> trig(n, seed);
            case "dot" -> dot(n, seed);
            case "rule" -> rule(n, seed);
            default -> throw new DatasetException("unknown synthetic dataset '" + name + "'; known: " + NAMES);
        };
    }

    /** XOR: x ~ U[0,1]², concepts x1 > 0.5 and x2 > 0.5, label their exclusive or. */
    public static Dataset xor(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][2];
        double[][] c = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            c[i][0] = x[i][0] > 0.5 ? 1 : 0;
            c[i][1] = x[i][1] > 0.5 ? 1 : 0;
            y[i] = (c[i][0] != c[i][1]) ? 1 : 0;
        }
        return conceptData("xor", List.of("x1", "x2"), x, List.of("x1_high", "x2_high"), c, y);
    }

    /**
     * Trig: latent h ~ N(0, 2²)³; seven inputs sin(h)+h, cos(h)+h per latent and the squared norm;
     * concepts h_i > 0; label h1 + h2 + h3 > 1.
     */
    public static Dataset trig(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][7];
        double[][] c = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] h = {2 * r.nextGaussian(), 2 * r.nextGaussian(), 2 * r.nextGaussian()};
            for (int k = 0; k < 3; k++) {
                x[i][2 * k] = Math.sin(h[k]) + h[k];
                x[i][2 * k + 1] = Math.cos(h[k]) + h[k];
                c[i][k] = h[k] > 0 ? 1 : 0;
            }
            x[i][6] = h[0] * h[0] + h[1] * h[1] + h[2] * h[2];
            y[i] = h[0] + h[1] + h[2] > 1 ? 1 : 0;
        }
        return conceptData("trig", List.of("sin_h1", "cos_h1", "sin_h2", "cos_h2", "sin_h3", "cos_h3", "norm2"),
                x, List.of("h1_positive", "h2_positive", "h3_positive"), c, y);
    }

    /**
     * Dot: v1, v3 ~ N(0, 2²)², inputs v1+v3 and v1−v3; concepts v1·(1,1) > 0 and v3·(−1,−1) > 0;
     * label v1·v3 > 0 — which the concepts alone do not determine (the paper's incomplete-concept task).
     */
    public static Dataset dot(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][4];
        double[][] c = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] v1 = {2 * r.nextGaussian(), 2 * r.nextGaussian()};
            double[] v3 = {2 * r.nextGaussian(), 2 * r.nextGaussian()};
            x[i] = new double[] {v1[0] + v3[0], v1[1] + v3[1], v1[0] - v3[0], v1[1] - v3[1]};
            c[i][0] = v1[0] + v1[1] > 0 ? 1 : 0;
            c[i][1] = -(v3[0] + v3[1]) > 0 ? 1 : 0;
            y[i] = v1[0] * v3[0] + v1[1] * v3[1] > 0 ? 1 : 0;
        }
        return conceptData("dot", List.of("sum1", "sum2", "diff1", "diff2"), x,
                List.of("v1_positive", "v3_negative"), c, y);
    }

    private static Dataset conceptData(String name, List<String> cols, double[][] x, List<String> concepts,
                                       double[][] c, int[] y) {
        List<Column> columns = new ArrayList<>();
        for (String s : cols) {
            columns.add(Column.numeric(s));
        }
        Schema s = new Schema(columns, new Column("y", ColumnType.BINARY, List.of("0", "1")), concepts);
        return Dataset.builder(s).name(name).features(x).labels(y).concepts(c).build();
    }

    /** The rule's three conditions, attached to {@code synthetic:rule} as concepts (so concept models apply). */
    public static final List<String> RULE_CONCEPTS = List.of("high_income", "low_debt", "unemployed");

    /**
     * The known-rule credit table: approve when income > 50 and debt_ratio &lt; 0.4, except that the
     * unemployed are always denied. Five noise columns (age, tenure, region, n_cards, score_noise).
     * The rule's conditions are the concepts {@link #RULE_CONCEPTS}; the label is a function of them.
     */
    public static Dataset rule(int n, long seed) {
        Random r = new Random(seed);
        List<String> employment = List.of("employed", "self-employed", "unemployed");
        List<String> region = List.of("north", "south", "east", "west");
        List<Column> cols = List.of(Column.numeric("income"), Column.numeric("debt_ratio"),
                Column.categorical("employment", employment), Column.numeric("age"), Column.numeric("tenure"),
                Column.categorical("region", region), Column.numeric("n_cards"), Column.numeric("score_noise"));
        double[][] x = new double[n][cols.size()];
        double[][] c = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double income = Math.round(Math.exp(3.9 + 0.45 * r.nextGaussian()) * 10) / 10.0;
            double debt = Math.round(r.nextDouble() * 0.8 * 1000) / 1000.0;
            int emp = r.nextDouble() < 0.12 ? 2 : r.nextDouble() < 0.2 ? 1 : 0;
            x[i] = new double[] {income, debt, emp, 18 + r.nextInt(60), r.nextInt(30), r.nextInt(4), r.nextInt(8),
                    Math.round(r.nextGaussian() * 1000) / 1000.0};
            y[i] = income > 50 && debt < 0.4 && emp != 2 ? 1 : 0;
            c[i] = new double[] {income > 50 ? 1 : 0, debt < 0.4 ? 1 : 0, emp == 2 ? 1 : 0};
        }
        Schema s = new Schema(cols, Column.categorical("decision", List.of("deny", "approve")), RULE_CONCEPTS);
        return Dataset.builder(s).name("rule").features(x).labels(y).concepts(c).relevant(RULE_RELEVANT).build();
    }
}
