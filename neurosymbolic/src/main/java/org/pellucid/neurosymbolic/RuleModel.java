package org.pellucid.neurosymbolic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Reportable;
import org.pellucid.core.model.Simulatable;

/**
 * A trained rule model ({@code rules}): after training the crisp rule set IS the model. A row's
 * class scores are the bias plus the weights of the rules that fire, and the prediction is their
 * softmax — so the rules that fired, with their weights, are the whole explanation, and running
 * them by hand reproduces the prediction exactly.
 */
public final class RuleModel implements InterpretableModel<RuleExplanation>, Simulatable, HasComplexity, Savable,
        ClassAttributable, Reportable {
    private final Schema schema;
    private final List<Rule> rules;
    private final double[] bias;
    private final List<Rule.Stats> stats;
    private final List<Fate> fates;
    private final Provenance provenance;

    /** What training did to an injected rule. */
    public enum FateStatus {
        /** Kept as the expert wrote it. */
        KEPT,
        /** Kept with its conditions refined ({@link Fate#now()} says how). */
        CHANGED,
        /** Dropped: it never fired, or the data contradicted it. */
        DROPPED;

        /** The lower-case word saved and shown. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static FateStatus parse(String id) {
            for (FateStatus f : values()) {
                if (f.id().equals(id)) {
                    return f;
                }
            }
            throw new ModelFormatException("rules model: unknown injected-rule status '" + id + "'");
        }
    }

    /** What became of an injected rule: kept, changed (to {@code now}) or dropped ({@code now} null). */
    public record Fate(String injected, FateStatus status, String now) {}

    RuleModel(Schema schema, List<Rule> rules, double[] bias, List<Rule.Stats> stats, List<Fate> fates, Provenance provenance) {
        this.schema = schema;
        this.rules = List.copyOf(rules);
        this.bias = bias.clone();
        this.stats = List.copyOf(stats);
        this.fates = List.copyOf(fates);
        this.provenance = provenance;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Fate> fates() {
        return fates;
    }

    /** The class scores before any rule fires. */
    double[] bias() {
        return bias.clone();
    }

    /** The same rules under other provenance (training adds its soft/crisp measurements last). */
    RuleModel withProvenance(Provenance p) {
        return new RuleModel(schema, rules, bias, stats, fates, p);
    }

    @Override
    public String kind() {
        return "rules";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    double[] scores(double[] row) {
        return scores(rules, bias, row);
    }

    /** The bias plus the weights of every rule that fires on the row: a weighted rule list's class scores. */
    static double[] scores(List<Rule> rules, double[] bias, double[] row) {
        double[] s = bias.clone();
        for (Rule r : rules) {
            if (r.fires(row)) {
                for (int c = 0; c < s.length; c++) {
                    s[c] += r.weight(c);
                }
            }
        }
        return s;
    }

    @Override
    public Explained<RuleExplanation> explain(Instance x) {
        double[] row = x.values();
        List<RuleExplanation.FiredRule> fired = new ArrayList<>();
        for (Rule r : rules) {
            if (r.fires(row)) {
                List<Condition> conds = new ArrayList<>();
                if (r.conjunction()) {
                    r.literals().forEach(l -> conds.add(l.toCondition(schema)));
                } else {
                    r.literals().stream().filter(l -> l.holds(row)).findFirst().ifPresent(l -> conds.add(l.toCondition(schema)));
                }
                fired.add(new RuleExplanation.FiredRule(conds, schema.classes().get(r.outcome()), r.strength()));
            }
        }
        return new Explained<>(Prediction.ofLogits(scores(row), schema.classes()),
                new RuleExplanation(fired, "weighted vote: class score = bias + weights of the fired rules"));
    }

    /**
     * The fired rules read as per-column contributions, for the fidelity metrics every model is
     * scored by. The game is the rule vote with some columns unknown: a coalition S of columns keeps
     * the rules that can be decided on S alone — a conjunction whose columns are all in S, a
     * disjunction with a holding literal on a column in S — and the value is the bias plus their
     * weights. Each fired rule is then a unanimity game on its columns (for a disjunction, on the
     * columns of its holding literals), whose Shapley value gives each of those columns an equal
     * share of the rule's weight (Shapley 1953); rules that do not fire give nothing. The
     * contributions add up exactly to the score minus the no-rule score: for two classes the
     * log-odds of {@code targetClass} (its score minus the other's), for more its class score.
     */
    @Override
    public FeatureAttribution attribution(Instance x, int targetClass) {
        double[] row = x.values();
        int k = bias.length;
        int other = k == 2 ? 1 - targetClass : -1;
        double[] phi = new double[schema.featureCount()];
        for (Rule r : rules) {
            if (!r.fires(row)) {
                continue;
            }
            Set<Integer> cols = new TreeSet<>();
            for (Literal l : r.literals()) {
                if (r.conjunction() || l.holds(row)) {
                    cols.add(l.column());
                }
            }
            double w = r.weight(targetClass) - (other >= 0 ? r.weight(other) : 0);
            for (int c : cols) {
                phi[c] += w / cols.size();
            }
        }
        double[] s = scores(row);
        double base = bias[targetClass] - (other >= 0 ? bias[other] : 0);
        double out = s[targetClass] - (other >= 0 ? s[other] : 0);
        List<Contribution> cs = new ArrayList<>(phi.length);
        for (int j = 0; j < phi.length; j++) {
            cs.add(new Contribution(schema.feature(j).name(), x.text(j), phi[j]));
        }
        String cls = schema.classes().get(targetClass);
        return new FeatureAttribution(cs, base, out, k == 2 ? "log-odds(" + cls + ")" : "score(" + cls + ")",
                "exact-shapley of the fired rules");
    }

    @Override
    public Predictor asExecutable() {
        // the printed rule list, re-read from its own text and run as written
        List<RuleParser.Parsed> parsed = new ArrayList<>();
        for (Rule r : rules) {
            parsed.add(r.conjunction() ? RuleParser.parseRule(RuleParser.print(r.literals(), r.outcome(), schema), schema) : null);
        }
        return Predictor.ofProbabilities(schema, row -> {
            double[] s = bias.clone();
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                boolean fires = parsed.get(i) == null ? r.fires(row)
                        : parsed.get(i).literals().stream().allMatch(l -> l.holds(row));
                if (fires) {
                    for (int c = 0; c < s.length; c++) {
                        s[c] += r.weight(c);
                    }
                }
            }
            return Prediction.softmax(s);
        });
    }

    /** The rule list as data: each rule's conditions in the user's terms, its class weights, and the bias. */
    @Override
    public Optional<StatedForm> statedForm() {
        List<RuleListForm.StatedRule> stated = new ArrayList<>();
        for (Rule r : rules) {
            stated.add(new RuleListForm.StatedRule(r.literals().stream().map(l -> l.toCondition(schema)).toList(),
                    r.conjunction(), schema.classes().get(r.outcome()), r.weights()));
        }
        return Optional.of(new RuleListForm(stated, bias, schema.classes(), StatedForm.Missing.NO_CONDITION_HOLDS));
    }

    @Override
    public Complexity complexity() {
        int literals = rules.stream().mapToInt(r -> r.literals().size()).sum();
        Set<Integer> cols = new TreeSet<>();
        rules.forEach(r -> r.literals().forEach(l -> cols.add(l.column())));
        return new Complexity(cols.size(), rules.size() * (bias.length + 1), rules.size(), literals, 0, 0, 0);
    }

    @Override
    public GlobalExplanation describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "class scores start at %s; each rule that fires adds its weights%n", fmt(bias)));
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            Rule.Stats st = stats.get(i);
            b.append(String.format(Locale.ROOT, "%2d. %s%n      weight %+.3f, support %.3f, confidence %.3f%n", i + 1, r.toText(schema),
                    r.strength(), st.support(), st.confidence()));
        }
        if (!fates.isEmpty()) {
            b.append("injected rules:\n");
            for (Fate f : fates) {
                b.append("  ").append(f.status().id()).append(": ").append(f.injected())
                        .append(f.status() == FateStatus.CHANGED ? " → " + f.now() : "").append('\n');
            }
        }
        List<String> cols = new ArrayList<>();
        rules.forEach(r -> r.literals().forEach(l -> {
            String n = schema.feature(l.column()).name();
            if (!cols.contains(n)) {
                cols.add(n);
            }
        }));
        String text = b.toString();
        String title = "Rule list (" + rules.size() + " rules, " + complexity().literals() + " conditions)";
        return GlobalExplanation.of(title, cols, text);
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%+.3f", v[i]));
        }
        return b.append(']').toString();
    }

    /** Adds {@code rules} and {@code injected_rules} to a result. */
    @Override
    public void addTo(JsonObject result) {
        JsonObject rj = toJson();
        result.add("rules", rj.get("rules"));
        result.add("injected_rules", rj.get("injected"));
    }

    /** One line per injected rule: what training did to it. */
    @Override
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (Fate f : fates) {
            lines.add("  injected rule " + f.status().id() + ": " + f.injected() + (f.status() == FateStatus.CHANGED ? " → " + f.now() : ""));
        }
        return lines;
    }

    /** Rules as JSON: text, conditions, outcome, weights, support, confidence; and injected rules' fates. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            JsonObject ro = new JsonObject();
            ro.addProperty("rule", r.toText(schema));
            ro.addProperty("type", r.conjunction() ? "and" : "or");
            ro.addProperty("outcome", schema.classes().get(r.outcome()));
            ro.addProperty("weight", r.strength());
            ro.addProperty("support", stats.get(i).support());
            ro.addProperty("confidence", stats.get(i).confidence());
            a.add(ro);
        }
        o.add("rules", a);
        JsonArray f = new JsonArray();
        for (Fate fate : fates) {
            JsonObject fo = new JsonObject();
            fo.addProperty("injected", fate.injected());
            fo.addProperty("status", fate.status().id());
            if (fate.now() != null) {
                fo.addProperty("now", fate.now());
            }
            f.add(fo);
        }
        o.add("injected", f);
        return o;
    }

    @Override
    public void write(ModelWriter out) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            JsonObject ro = new JsonObject();
            ro.addProperty("and", r.conjunction());
            JsonArray ls = new JsonArray();
            for (Literal l : r.literals()) {
                JsonObject lo = new JsonObject();
                lo.addProperty("column", l.column());
                lo.addProperty("op", l.op());
                lo.addProperty("value", l.value());
                ls.add(lo);
            }
            ro.add("literals", ls);
            JsonArray w = new JsonArray();
            for (double v : r.weights()) {
                w.add(v);
            }
            ro.add("weights", w);
            ro.addProperty("support", stats.get(i).support());
            ro.addProperty("confidence", stats.get(i).confidence());
            a.add(ro);
        }
        out.put("rules", a);
        out.array("bias", bias);
        JsonArray f = new JsonArray();
        for (Fate fate : fates) {
            JsonObject fo = new JsonObject();
            fo.addProperty("injected", fate.injected());
            fo.addProperty("status", fate.status().id());
            fo.addProperty("now", fate.now() == null ? "" : fate.now());
            f.add(fo);
        }
        out.put("fates", f);
    }

    static RuleModel read(ModelReader in) {
        Schema s = in.schema();
        List<Rule> rules = new ArrayList<>();
        List<Rule.Stats> stats = new ArrayList<>();
        for (var e : in.get("rules").getAsJsonArray()) {
            JsonObject ro = e.getAsJsonObject();
            List<Literal> ls = new ArrayList<>();
            for (var le : ro.getAsJsonArray("literals")) {
                JsonObject lo = le.getAsJsonObject();
                int col = lo.get("column").getAsInt();
                if (col < 0 || col >= s.featureCount()) {
                    throw new ModelFormatException("rules model: a literal names column " + col + " of " + s.featureCount());
                }
                ls.add(new Literal(col, lo.get("op").getAsString(), lo.get("value").getAsDouble()));
            }
            JsonArray w = ro.getAsJsonArray("weights");
            double[] weights = new double[w.size()];
            for (int c = 0; c < weights.length; c++) {
                weights[c] = w.get(c).getAsDouble();
            }
            rules.add(new Rule(ls, ro.get("and").getAsBoolean(), weights));
            stats.add(new Rule.Stats(ro.get("support").getAsDouble(), ro.get("confidence").getAsDouble()));
        }
        List<Fate> fates = new ArrayList<>();
        for (var e : in.get("fates").getAsJsonArray()) {
            JsonObject fo = e.getAsJsonObject();
            String now = fo.get("now").getAsString();
            fates.add(new Fate(fo.get("injected").getAsString(), FateStatus.parse(fo.get("status").getAsString()), now.isEmpty() ? null : now));
        }
        return new RuleModel(s, rules, in.doubles("bias"), stats, fates, in.provenance());
    }
}
