package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Scores;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.NonFiniteLossException;

/**
 * {@code rules}: a rule layer trained by gradient descent whose crisp rules become the model
 * ({@link RuleNetwork}, {@link RuleModel}). Options: {@link #OPTIONS}.
 *
 * <p>Injected rules initialise their own conjunction node with their literals (as KBANN, Towell &amp;
 * Shavlik 1994, initialised network units from rules) and a positive weight for their class.
 * After training the crisp rules are pruned: rules that never fire on the training data, rules with
 * no weight, always-true rules (folded into the bias), duplicates (merged), and redundant rules —
 * weakest first, a rule goes when the training macro-F1 without it is no lower; then thresholds are
 * refitted ({@link ThresholdRefiner}), unneeded conditions dropped, and pruning runs again
 * ({@link RuleSetPruning}). Refitting the rules' class votes by logistic regression afterwards was
 * tried and lowered adult's CV macro-F1 (0.779 class-weighted, 0.792 unweighted, against 0.797), so
 * the votes stay as trained.
 */
public final class RulesFamily extends BasicFamily {
    /** Quantile bins per numeric column (magic04 5-fold CV macro-F1: one start 0.842 at 8, 0.845 at 16; five starts averaged 0.847 at 8, 0.852 at 32). */
    static final int DEFAULT_BINS = 32;

    /** Restarts by default (tic-tac-toe CV macro-F1: 1 start 0.981, 3 starts 0.985 with 17 rules, 5 starts 0.994 with 8). */
    static final int DEFAULT_RESTARTS = 5;

    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("rules", 32, 0, 10_000, "conjunction nodes learnt from the data (besides injected rules)")
            .integer("disjunctions", 0, 0, 10_000, "disjunction nodes")
            .integer("bins", DEFAULT_BINS, 1, 1024, "quantile bins per numeric column, the thresholds rules may test")
            .number("lambda", 0.1, 0, false, 1e6, "sparsity penalty on the rule weights")
            .integer("epochs", 150, 1, 1_000_000, "most passes over the training rows")
            .number("lr", 0.01, 0, true, 10, "Adam learning rate")
            .integer("batch-size", "rows / 32, between 16 and 128", 1, Integer.MAX_VALUE,
                    "rows per gradient step (tic-tac-toe CV macro-F1 0.969 at 128, 0.985 at 16)")
            .integer("patience", 20, 1, 1_000_000, "epochs without a better validation macro-F1 before stopping")
            .text("balance", "0.5 when a class has under 0.6/k of the rows (30% of two classes), else false", true,
                    "true|false|a power in [0, 1]", "class c weighs (n / (k·n_c))^power in the loss (adult CV macro-F1 0.798 unweighted, 0.802 at 0.5)",
                    raw -> {
                        balancePower(raw);
                        return raw;
                    })
            .text("rules-file", "none", true, "a readable file", "expert rules to inject, IF … THEN class, one per line",
                    raw -> raw)
            .flag("freeze", false, "keep the injected rules' conditions as given (false: training may refine them)")
            .integer("restarts", DEFAULT_RESTARTS, 1, 100, "trainings from different random starts; the best validation macro-F1 is kept")
            .flag("combine", true, "also average the restarts' rule sets into one list, kept when it validates better (not with injected rules)")
            .integer("max-rules", 100, 1, 10_000, "most rules kept: backward elimination down to this many")
            .number("simplify-tolerance", 0, 0, false, 1,
                    "conditions and rules are removed while validation and training macro-F1 stay within this of the unsimplified list's")
            .flag("refine-thresholds", true, "fit the crisp rules' numeric thresholds to the training rows")
            .build();

    /** The family, as the registry creates it. */
    public RulesFamily() {
        super("rules", true, "rule layer (RRL-style, gradient grafting) whose crisp IF-THEN rules are the model; accepts expert rules", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("rule models need a class target");
        }
        if (data.schema().featureCount() == 0) {
            return Optional.of("the data has no columns to write rules about");
        }
        if (data.schema().featureCount() > 200) {
            return Optional.of("more than 200 columns (images?) make unreadable rules");
        }
        return Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        requireSuitable(train);
        int restarts = v.integer("restarts");
        if (valid == null || valid.size() == 0) {
            return RuleRun.fit(train, valid, cfg, v, new IdentityHashMap<>()); // nothing to choose a restart on
        }
        // Rule layers are trained from random initial rules through a crisp step, and where they end
        // up depends on that start; several starts, kept by the crisp rules' validation macro-F1
        // (fewer rules on a tie), is the cheapest remedy for an unlucky one.
        Map<RuleModel, float[]> softLogits = new IdentityHashMap<>();
        Restarts rs = restarts(train, valid, cfg, restarts, softLogits);
        if (v.flag("combine") && rs.all().size() > 1 && rs.best().fates().isEmpty()) {
            rs = combined(rs, train, valid, v);
        }
        double[][] trainRows = rows(train);
        ToleranceSimplifier.Result simplified = simplifiedWithin(rs.best(), trainRows, train.labels(), valid,
                v.number("simplify-tolerance"));
        RuleModel best = rs.best();
        best = new RuleModel(best.schema(), simplified.rules(), best.bias(),
                Rule.stats(simplified.rules(), trainRows, train.labels()), best.fates(), best.provenance());
        Map<String, String> opts = new TreeMap<>(best.provenance().options());
        opts.putAll(v.used());
        TrainingSummary summary = summary(rs, best.provenance().training(), softLogits, valid, simplified);
        Provenance pv = best.provenance();
        return best.withProvenance(new Provenance(pv.kind(), opts, cfg.seed(), train.fingerprint(), train.name(),
                pv.versions(), pv.created(), summary));
    }

    /**
     * What the restarts gave: every run that trained, the one kept ({@code chosen} is its index, −1
     * for the combination of all), its validation macro-F1, how many diverged, and, when the
     * combination was tried, its macro-F1 (else NaN) and predictions.
     */
    private record Restarts(List<RuleModel> all, RuleModel best, double bestF1, int chosen, int diverged, double combined,
                            int[] combinedPred) {}

    private Restarts restarts(Dataset train, Dataset valid, TrainConfig cfg, int restarts, Map<RuleModel, float[]> softLogits) {
        RuleModel best = null;
        double bestF1 = Double.NEGATIVE_INFINITY;
        int chosen = 0;
        int diverged = 0;
        RuntimeException failure = null;
        List<RuleModel> all = new ArrayList<>();
        for (int r = 0; r < restarts; r++) {
            TrainConfig c = new TrainConfig(cfg.seed() + RESTART_SEED_STEP * r, cfg.device(), cfg.progress(), cfg.options());
            RuleModel m;
            try {
                m = RuleRun.fit(train, valid, c, OPTIONS.read(kind(), c), softLogits);
            } catch (NonFiniteLossException e) {
                // one unlucky start whose loss blew up before any good epoch must not sink the others
                diverged++;
                failure = e;
                cfg.progress().onMessage("rules: restart " + (r + 1) + " of " + restarts + " diverged (" + e.getMessage()
                        + "); the other restarts decide");
                continue;
            }
            all.add(m);
            double f1 = validF1(m, valid);
            if (best == null || f1 > bestF1 + 1e-12 || (f1 > bestF1 - 1e-12 && m.rules().size() < best.rules().size())) {
                best = m;
                bestF1 = f1;
                chosen = r;
            }
        }
        if (best == null) {
            throw failure; // every restart diverged
        }
        return new Restarts(all, best, bestF1, chosen, diverged, Double.NaN, null);
    }

    /** Tries the union of the restarts' rule sets ({@link RestartAveraging}); keeps it when its validation macro-F1 is higher. */
    private static Restarts combined(Restarts rs, Dataset train, Dataset valid, OptionTable.Values v) {
        int classes = train.schema().classes().size();
        RuleModel union = RestartAveraging.combine(rs.all(), train, v.flag("refine-thresholds"), v.integer("max-rules"));
        int[] unionPred = Scores.classes(union.predictAll(valid));
        double f1 = Scores.macroF1(valid.labels(), unionPred, classes);
        if (f1 > rs.bestF1() + 1e-12) {
            return new Restarts(rs.all(), union, f1, -1, rs.diverged(), f1, unionPred);
        }
        return new Restarts(rs.all(), rs.best(), rs.bestF1(), rs.chosen(), rs.diverged(), f1, null);
    }

    /** The training summary: the chosen run's (or, for the combination, the averaged soft networks'), then the restarts' and the simplifier's numbers. */
    private static TrainingSummary summary(Restarts rs, TrainingSummary chosenRun, Map<RuleModel, float[]> softLogits,
                                           Dataset valid, ToleranceSimplifier.Result simplified) {
        TrainingSummary summary = chosenRun;
        if (rs.chosen() < 0) {
            int classes = valid.schema().classes().size();
            // the soft counterpart of averaged rule sets is the average of the soft networks' scores
            float[] mean = new float[valid.size() * classes];
            for (RuleModel m : rs.all()) {
                float[] l = softLogits.get(m);
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += l[i] / rs.all().size();
                }
            }
            // an average of five trainings has no one best epoch
            summary = TrainingSummary.none()
                    .with("soft_valid_accuracy", RuleRun.accuracy(mean, valid.labels(), classes))
                    .with("crisp_valid_accuracy", Scores.accuracy(valid.labels(), rs.combinedPred()));
        }
        if (!Double.isNaN(rs.combined())) {
            summary = summary.with("combined_valid_macro_f1", rs.combined());
        }
        return summary.with("simplify_rules_removed", simplified.rulesRemoved())
                .with("simplify_conditions_removed", simplified.conditionsRemoved())
                .with("simplify_valid_macro_f1_before", simplified.validF1Before())
                .with("simplify_train_macro_f1_before", simplified.trainF1Before())
                .with("simplify_valid_macro_f1_after", simplified.validF1After())
                .with("simplify_train_macro_f1_after", simplified.trainF1After())
                .with("diverged_restarts", rs.diverged())
                .withNote("chosen_restart", rs.chosen() < 0 ? "all, combined" : "" + rs.chosen())
                .with("crisp_valid_macro_f1", simplified.validF1After());
    }

    /**
     * The chosen rule list after {@link ToleranceSimplifier} (injected rules, recognised by their
     * fate's text, untouched); with tolerance 0 only removals that cost nothing on either table go.
     */
    private static ToleranceSimplifier.Result simplifiedWithin(RuleModel m, double[][] trainRows, int[] trainLabels, Dataset valid,
                                                               double tolerance) {
        Set<Rule> injected = new HashSet<>();
        for (RuleModel.Fate f : m.fates()) {
            for (Rule r : m.rules()) {
                if (f.now() != null && r.toText(m.schema()).equals(f.now())) {
                    injected.add(r);
                }
            }
        }
        return ToleranceSimplifier.simplify(m.rules(), m.bias(), trainRows, trainLabels, rows(valid), valid.labels(),
                injected, tolerance);
    }

    private static double validF1(RuleModel m, Dataset valid) {
        return Scores.macroF1(valid.labels(),
                Scores.classes(m.predictAll(valid)), valid.schema().classes().size());
    }

    static double[][] rows(Dataset d) {
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = d.rowValues(i);
        }
        return rows;
    }

    private static final long RESTART_SEED_STEP = 7919;

    /** {@code balance}: true (1), false (0) or the power in [0, 1] the class weights are raised to. */
    static double balancePower(String v) {
        if (v.equals("true")) {
            return 1;
        }
        if (v.equals("false")) {
            return 0;
        }
        try {
            double p = Double.parseDouble(v);
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("option balance must be true, false or a number in [0, 1], got '" + v + "'");
    }

    @Override
    public Savable read(ModelReader in) {
        return RuleModel.read(in);
    }
}
