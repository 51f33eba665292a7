package org.pellucid.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.DecisionTreeForm;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.model.ConceptIntervenable;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;
import org.pellucid.eval.explainers.BuiltInExplainer;
import org.pellucid.eval.explainers.Explainer;
import org.pellucid.eval.explainers.GradCam;
import org.pellucid.eval.explainers.GradientExplainer;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Lime;
import org.pellucid.eval.explainers.Lrp;
import org.pellucid.eval.explainers.Output;
import org.pellucid.eval.explainers.RandomExplainer;
import org.pellucid.eval.explainers.TreeShap;
import org.pellucid.eval.metrics.AttributionMetrics;
import org.pellucid.eval.metrics.Category;
import org.pellucid.eval.metrics.ConceptFidelity;
import org.pellucid.eval.metrics.Direction;
import org.pellucid.eval.metrics.EvalContext;
import org.pellucid.eval.metrics.MetricGuide;
import org.pellucid.eval.metrics.MetricResult;
import org.pellucid.eval.metrics.SimulabilityMetrics;
import org.pellucid.eval.metrics.StabilityMetrics;
import org.pellucid.eval.metrics.TokenMetrics;

/**
 * Scores one model with one explainer on held-out rows, by every metric that applies, and returns
 * the {@code fidelity.*}, {@code simulability.*} and {@code stability.*} JSON of the CLI contract.
 * Attribution metrics apply to attributions (built-in or post hoc); a model whose explanation is a
 * path or a rule list is scored by simulatable agreement and explanation size instead; explanations
 * of text (scores per word) by {@link TokenMetrics}, which erase words.
 */
public final class Evaluation {
    /** The explainers {@code --explainer} accepts. */
    public static final List<String> EXPLAINERS = List.of("built-in", "kernel-shap", "lime", "ig", "saliency",
            "gradient-x-input", "smoothgrad", "tree-shap", "lrp", "lrp-zplus", "grad-cam", "random");

    /**
     * @param explainer one of {@link #EXPLAINERS}
     * @param rows held-out rows to explain (the first ones of the test split)
     * @param background KernelSHAP background rows drawn from the training split
     * @param samples KernelSHAP coalitions per row beyond exact enumeration
     * @param sensitivityRows rows re-explained under perturbation for max-sensitivity
     */
    public record Settings(String explainer, Output output, int rows, int background, int samples, int sensitivityRows,
                           int simulationColumns, long seed) {
        public Settings {
            if (!EXPLAINERS.contains(explainer)) {
                throw new IllegalArgumentException("unknown explainer '" + explainer + "'; available: " + EXPLAINERS);
            }
            if (rows < 4 || background < 1 || samples < 2 || sensitivityRows < 0 || simulationColumns < 1) {
                throw new IllegalArgumentException("evaluation needs at least 4 rows, 1 background row and 2 samples");
            }
        }

        public static Settings defaults(String explainer, long seed) {
            return new Settings(explainer, Output.PROBABILITY, 200, 50, 1024, 20, 5, seed);
        }
    }

    private Evaluation() {}

    /**
     * How the rows under evaluation get explained: one after another in this JVM ({@link #SEQUENTIAL}),
     * or spread over a cluster (the {@code spark} module). Whatever does it must return what
     * {@link #SEQUENTIAL} returns, row for row: the metrics are computed from these attributions.
     */
    @FunctionalInterface
    public interface RowExplainer {
        /**
         * One attribution per row of {@code rows}, for class {@code targets[i]}.
         *
         * @param explainer the explainer {@link #explainer(Settings, Dataset)} built from the settings and the training rows
         */
        List<FeatureAttribution> explainAll(Explainer explainer, Predictor model, Dataset rows, int[] targets);
    }

    /** Each row explained in turn, here. */
    public static final RowExplainer SEQUENTIAL = (ex, model, rows, targets) -> {
        List<FeatureAttribution> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(ex.explain(model, rows.row(i), targets[i]));
        }
        return out;
    };

    /**
     * The training rows {@link #explainer(Settings, Dataset)} reads for these settings, and no more:
     * KernelSHAP's background sample, LIME's sample, none for the rest. An explainer built from them
     * is the one built from all of {@code train} (a sample of at most its own size is itself), so a
     * cluster ships these rows, not the training data.
     */
    public static Dataset explainerRows(Settings s, Dataset train) {
        return switch (s.explainer()) {
            case "kernel-shap" -> KernelShap.sampleBackground(train, s.background(), s.seed());
            case "lime" -> KernelShap.sampleBackground(train, LIME_ROWS, s.seed());
            default -> train.subset(new int[0]);
        };
    }

    private static final int LIME_ROWS = 5000;

    public static Explainer explainer(Settings s, Dataset train) {
        return switch (s.explainer()) {
            case "built-in" -> new BuiltInExplainer();
            case "kernel-shap" -> new KernelShap(KernelShap.sampleBackground(train, s.background(), s.seed()), s.output(),
                    s.samples(), 10, 8192, s.seed());
            case "lime" -> new Lime(KernelShap.sampleBackground(train, LIME_ROWS, s.seed()), s.output(), 1000, s.seed());
            case "ig" -> GradientExplainer.of(GradientExplainer.Method.INTEGRATED_GRADIENTS, s.output(), s.seed());
            case "saliency" -> GradientExplainer.of(GradientExplainer.Method.SALIENCY, s.output(), s.seed());
            case "gradient-x-input" -> GradientExplainer.of(GradientExplainer.Method.GRADIENT_X_INPUT, s.output(), s.seed());
            case "smoothgrad" -> GradientExplainer.of(GradientExplainer.Method.SMOOTHGRAD, s.output(), s.seed());
            case "tree-shap" -> new TreeShap();
            case "lrp" -> new Lrp(Lrp.Rule.EPSILON, 1e-6);
            case "lrp-zplus" -> new Lrp(Lrp.Rule.ZPLUS, 1e-6);
            case "grad-cam" -> new GradCam();
            case "random" -> new RandomExplainer(s.output(), s.seed());
            default -> throw new IllegalArgumentException(s.explainer());
        };
    }

    /** {@link #run(Predictor, Dataset, Dataset, Settings, RowExplainer)}, explaining here. */
    public static JsonObject run(Predictor model, Dataset train, Dataset test, Settings s) {
        return run(model, train, test, s, SEQUENTIAL);
    }

    /**
     * Scores the explainer of {@code s} on the first {@code s.rows()} rows of {@code test}: fidelity,
     * simulability and stability, with {@code train} for backgrounds and baselines, and the rows'
     * attributions computed by {@code explainRows}.
     */
    public static JsonObject run(Predictor model, Dataset train, Dataset test, Settings s, RowExplainer explainRows) {
        if (!test.schema().isClassification()) {
            throw new IllegalArgumentException("explanation metrics are computed for classifiers; the target is numeric");
        }
        int n = Math.min(s.rows(), test.size());
        Dataset rows = test.subset(IntStream.range(0, n).toArray());
        EvalContext ctx = EvalContext.of(model, rows, train, s.seed());
        JsonObject fidelity = new JsonObject();
        JsonObject simulability = new JsonObject();
        JsonObject stability = new JsonObject();
        JsonObject out = new JsonObject();
        out.addProperty("explainer", s.explainer());
        out.addProperty("rows", n);
        if (model instanceof Simulatable && s.explainer().equals("built-in")) {
            // a property of the model's own stated form, not of a post-hoc explainer's output
            put(fidelity, SimulabilityMetrics.simulatableAgreement(model, rows, s.seed()));
        }
        if (model instanceof ConceptIntervenable ci && s.explainer().equals("built-in")) {
            for (MetricResult r : ConceptFidelity.all(ci, rows, train, s.seed())) {
                put(fidelity, r);
            }
        }
        if (model instanceof HasComplexity h) {
            simulability.addProperty("global_size", h.complexity().size());
        }
        boolean attributions = !s.explainer().equals("built-in") || BuiltInExplainer.applies(model, rows.row(0));
        // a path, a rule list or concepts: what a reader follows for one row is the explanation itself,
        // so its size is counted in its own units; the fidelity metrics read its attribution form
        boolean nativeForm = s.explainer().equals("built-in") && model instanceof InterpretableModel<?> im
                && switch (im.explain(rows.row(0)).explanation()) {
                    case TreePathExplanation t -> true;
                    case ConceptExplanation c -> true;
                    case RuleExplanation r -> true;
                    default -> false;
                };
        if (nativeForm) {
            put(simulability, nativeSize((InterpretableModel<?>) model, rows, s.seed()));
        }
        if (attributions) {
            attributionScores(model, train, rows, s, explainRows, ctx, nativeForm, out, fidelity, simulability, stability);
        }
        out.add("fidelity", fidelity);
        out.add("simulability", simulability);
        out.add("stability", stability);
        out.add("metrics", guide(fidelity, simulability, stability));
        return out;
    }

    /** What a reader follows for each row of a model's own path, rule list or concepts, counted in its own units. */
    private static MetricResult nativeSize(InterpretableModel<?> model, Dataset rows, long seed) {
        double[] size = new double[rows.size()];
        for (int i = 0; i < size.length; i++) {
            Explanation e = model.explain(rows.row(i)).explanation();
            size[i] = switch (e) {
                case TreePathExplanation t -> t.steps().size();
                case ConceptExplanation c -> c.concepts().size();
                case RuleExplanation r -> r.fired().stream().mapToInt(f -> f.conditions().size()).sum();
                default -> e.features().size();
            };
        }
        return MetricResult.ofExamples("size", Category.SIMULABILITY, Direction.LOWER_IS_BETTER, size, seed);
    }

    /** Each metric's direction and meaning, for the metrics present. */
    private static JsonObject guide(JsonObject... groups) {
        JsonObject guide = new JsonObject();
        for (JsonObject g : groups) {
            for (String k : g.keySet()) {
                MetricGuide.of(k).ifPresent(e -> {
                    JsonObject m = new JsonObject();
                    m.addProperty("direction", e.direction() == Direction.HIGHER_IS_BETTER
                            ? "higher_is_better" : "lower_is_better");
                    m.addProperty("meaning", e.meaning());
                    guide.add(k, m);
                });
            }
        }
        return guide;
    }

    /**
     * The rows explained (by {@code explainRows}) and every attribution metric on them: size, then for
     * text the word-erasure metrics, else the importance, the truth, deletion and insertion, comprehensiveness,
     * sufficiency, faithfulness, infidelity, completeness, forward simulation and max-sensitivity.
     */
    private static void attributionScores(Predictor model, Dataset train, Dataset rows, Settings s, RowExplainer explainRows,
                                          EvalContext ctx, boolean nativeForm, JsonObject out, JsonObject fidelity,
                                          JsonObject simulability, JsonObject stability) {
        int n = rows.size();
        Explainer ex = explainer(s, train);
        long t0 = System.nanoTime();
        List<FeatureAttribution> expl = explainRows.explainAll(ex, model, rows, ctx.targets());
        if (expl.size() != n) {
            throw new IllegalStateException(expl.size() + " attributions for " + n + " rows");
        }
        double msPerRow = (System.nanoTime() - t0) / 1e6 / n;
        MetricResult attributionSize = AttributionMetrics.size(expl, s.seed());
        if (nativeForm) {
            simulability.addProperty("attribution_size", attributionSize.value());
        } else {
            put(simulability, attributionSize);
        }
        if (rows.hasTokens() && rows.schema().featureCount() == 0) {
            // text: the explanation scores words, and words are erased from the sequence
            for (MetricResult r : TokenMetrics.all(ctx, expl)) {
                put(fidelity, r);
            }
        } else {
            // a global picture from the local ones: mean |attribution| per column over the explained rows
            JsonObject importance = new JsonObject();
            for (int j = 0; j < rows.schema().featureCount(); j++) {
                double sum = 0;
                for (FeatureAttribution a : expl) {
                    sum += Math.abs(a.values()[j]);
                }
                importance.addProperty(rows.schema().feature(j).name(), sum / n);
            }
            out.add("mean_abs_attribution", importance);
            if (!rows.relevantColumns().isEmpty()) {
                out.add("truth", truth(s.explainer().equals("built-in") ? model : null, rows, expl, importance));
            }
            put(fidelity, AttributionMetrics.deletionAuc(ctx, expl));
            put(fidelity, AttributionMetrics.insertionAuc(ctx, expl));
            put(fidelity, AttributionMetrics.comprehensiveness(ctx, expl));
            put(fidelity, AttributionMetrics.sufficiency(ctx, expl));
            put(fidelity, AttributionMetrics.faithfulnessCorrelation(ctx, expl));
            put(fidelity, AttributionMetrics.infidelity(ctx, expl));
            put(fidelity, AttributionMetrics.completenessGap(expl, s.seed()));
            double[] sim = SimulabilityMetrics.forwardSimulation(ctx, expl, s.simulationColumns());
            simulability.addProperty("forward_simulation", sim[0]);
            simulability.addProperty("forward_simulation_random_columns", sim[1]);
            simulability.addProperty("simulation_gain", sim[0] - sim[1]);
            simulability.addProperty("simulation_columns", Math.min(s.simulationColumns(), rows.schema().featureCount()));
            if (s.sensitivityRows() > 0) {
                put(stability, StabilityMetrics.maxSensitivity(ctx, ex, train, s.sensitivityRows(), 5, 0.05));
            }
        }
        JsonObject timing = new JsonObject();
        timing.addProperty("explain_ms_per_row", msPerRow);
        out.add("timing", timing);
        if (ex instanceof KernelShap k) {
            out.addProperty("model_evaluations", k.evaluations());
        }
    }

    /**
     * The explanation against the columns the label truly depends on (data made by a known rule),
     * as OpenXAI and XAI-Bench score ground-truth faithfulness: the columns the model relies on —
     * the fewest that cover 90% of its mean |attribution|, the same rule as the explanation size —
     * with their precision, recall and F1 against the truth; the top k columns by mean |attribution|
     * (k = the number of true columns) and the share of them that are true; and the same share per
     * row, averaged ({@code local_top_k_agreement}). For a model that states what it uses, the
     * statement is checked too: the columns of its global description ({@code stated_columns}, with
     * their precision, recall and F1 — for a sparse model, the columns it selected) and, where it has
     * a stated form, the share of its conditions (rule conditions, tree tests) on true columns (only
     * for the model's own explanation: {@code model} is null for a post-hoc one).
     */
    static JsonObject truth(Predictor model, Dataset rows, List<FeatureAttribution> expl, JsonObject importance) {
        List<String> truth = rows.relevantColumns();
        List<String> byImportance = new ArrayList<>(importance.keySet());
        byImportance.sort((a, b) -> Double.compare(importance.get(b).getAsDouble(), importance.get(a).getAsDouble()));
        double total = byImportance.stream().mapToDouble(c -> importance.get(c).getAsDouble()).sum();
        List<String> relied = new ArrayList<>();
        double covered = 0;
        for (String c : byImportance) {
            if (total <= 0 || covered >= 0.9 * total) {
                break;
            }
            relied.add(c);
            covered += importance.get(c).getAsDouble();
        }
        long hits = relied.stream().filter(truth::contains).count();
        double precision = relied.isEmpty() ? 0 : hits / (double) relied.size();
        double recall = hits / (double) truth.size();
        int k = truth.size();
        long topHits = byImportance.stream().limit(k).filter(truth::contains).count();
        double local = 0;
        List<String> names = rows.schema().featureNames();
        for (FeatureAttribution a : expl) {
            double[] v = a.values();
            Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (p, q) -> Double.compare(Math.abs(v[q]), Math.abs(v[p])));
            long h = Arrays.stream(order).limit(k).filter(j -> Math.abs(v[j]) > 0 && truth.contains(names.get(j))).count();
            local += h / (double) k;
        }
        JsonObject t = new JsonObject();
        JsonArray tr = new JsonArray();
        truth.forEach(tr::add);
        t.add("relevant", tr);
        JsonArray re = new JsonArray();
        relied.forEach(re::add);
        t.add("relied_on", re);
        t.addProperty("column_precision", precision);
        t.addProperty("column_recall", recall);
        t.addProperty("column_f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        t.addProperty("top_k_precision", topHits / (double) k);
        t.addProperty("local_top_k_agreement", expl.isEmpty() ? 0 : local / expl.size());
        statedTruth(model, truth, names, t);
        return t;
    }

    /** How the model's own global explanation meets the known relevant columns: the columns it states, and the conditions its rules or tree test. */
    private static void statedTruth(Predictor model, List<String> truth, List<String> names, JsonObject t) {
        if (model instanceof InterpretableModel<?> im) {
            List<String> stated = im.describe().features();
            if (!stated.isEmpty() && names.containsAll(stated)) {
                JsonArray sc = new JsonArray();
                stated.forEach(sc::add);
                t.add("stated_columns", sc);
                long sh = stated.stream().filter(truth::contains).count();
                double sp = sh / (double) stated.size();
                double sr = sh / (double) truth.size();
                t.addProperty("stated_column_precision", sp);
                t.addProperty("stated_column_recall", sr);
                t.addProperty("stated_column_f1", sp + sr == 0 ? 0 : 2 * sp * sr / (sp + sr));
            }
        }
        if (model instanceof Simulatable sm && sm.statedForm().isPresent()) {
            List<String> tested = switch (sm.statedForm().get()) {
                case RuleListForm f -> f.rules().stream()
                        .flatMap(r -> r.conditions().stream()).map(Condition::feature).toList();
                case DecisionTreeForm f -> f.nodes().stream().filter(nd -> !nd.isLeaf())
                        .map(nd -> nd.test().feature()).toList();
            };
            long on = tested.stream().filter(truth::contains).count();
            t.addProperty("conditions", tested.size());
            t.addProperty("conditions_on_relevant", on);
            t.addProperty("conditions_on_relevant_share", tested.isEmpty() ? 0 : on / (double) tested.size());
        }
    }

    private static void put(JsonObject o, MetricResult r) {
        o.addProperty(r.name(), r.value());
        JsonArray ci = new JsonArray();
        ci.add(r.ciLow());
        ci.add(r.ciHigh());
        o.add(r.name() + "_ci", ci);
    }

    /** One line per metric, for the console. */
    public static List<String> lines(JsonObject result) {
        List<String> l = new ArrayList<>();
        for (String group : List.of("fidelity", "simulability", "stability")) {
            JsonObject g = result.getAsJsonObject(group);
            g.entrySet().forEach(e -> {
                if (!e.getKey().endsWith("_ci")) {
                    String ci = g.has(e.getKey() + "_ci") ? String.format(Locale.ROOT, "  [%.4f, %.4f]",
                            g.getAsJsonArray(e.getKey() + "_ci").get(0).getAsDouble(), g.getAsJsonArray(e.getKey() + "_ci").get(1).getAsDouble()) : "";
                    var guide = MetricGuide.of(e.getKey());
                    l.add(String.format(Locale.ROOT, "  %s %s.%-36s %.4f%s%s", guide.map(MetricGuide.Entry::arrow).orElse(" "),
                            group, e.getKey(), e.getValue().getAsDouble(), ci, guide.map(gd -> "  — " + gd.meaning()).orElse("")));
                }
            });
        }
        return l;
    }
}
