package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.io.Savable;
import org.pellucid.core.io.SchemaJson;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Reportable;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/**
 * One model trained and scored the way every command does it: a seeded stratified 60/20/20 split
 * (validation for early stopping), test accuracy and macro-F1, optionally k-fold cross-validation.
 */
final class Experiment {
    private Experiment() {}

    /** A trained model with its held-out scores. */
    record Result(ModelFamily family, Savable model, Dataset train, Dataset valid, Dataset test, double accuracy,
                  double macroF1, double trainSeconds, double[] cvMacroF1, double[] cvAccuracy, List<Complexity> cvComplexity) {

        Result(ModelFamily family, Savable model, Dataset train, Dataset valid, Dataset test, double accuracy,
               double macroF1, double trainSeconds, double[] cvMacroF1, double[] cvAccuracy) {
            this(family, model, train, valid, test, accuracy, macroF1, trainSeconds, cvMacroF1, cvAccuracy, List.of());
        }
    }

    static Result run(ModelFamily family, Dataset data, TrainConfig cfg, int cvFolds) {
        if (data.size() < 10) {
            throw new Pellucid.UsageException("the data has " + data.size() + " rows; at least 10 are needed to train and test");
        }
        Splits.TrainValidTest s = Splits.requireTrainable(data, 0.2, 0.2, cfg.seed());
        Dataset train = data.subset(s.train());
        Dataset valid = data.subset(s.valid());
        Dataset test = data.subset(s.test());
        long t0 = System.nanoTime();
        Savable model = family.train(train, valid, cfg);
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] scores = score(model, test);
        double[] cvF1 = null;
        double[] cvAcc = null;
        List<Complexity> cvComplexity = new ArrayList<>();
        if (cvFolds > 0) {
            List<Splits.Fold> folds = Splits.kFold(data.schema().isClassification() ? data.labels() : null, data.size(),
                    cvFolds, cfg.seed());
            cvF1 = new double[cvFolds];
            cvAcc = new double[cvFolds];
            for (int f = 0; f < cvFolds; f++) {
                Dataset foldTrain = data.subset(folds.get(f).train());
                Splits.TrainValidTest inner = Splits.trainValidTest(foldTrain, 0.2, 0.0, cfg.seed() + f + 1);
                Savable m = family.train(foldTrain.subset(inner.train()), foldTrain.subset(inner.valid()), cfg);
                double[] sc = score(m, data.subset(folds.get(f).test()));
                cvAcc[f] = sc[0];
                cvF1[f] = sc[1];
                if (m instanceof HasComplexity h) {
                    cvComplexity.add(h.complexity());
                }
            }
        }
        return new Result(family, model, train, valid, test, scores[0], scores[1], secs, cvF1, cvAcc, cvComplexity);
    }

    /** {accuracy, macro-F1} of a classifier on data. */
    static double[] score(Savable model, Dataset data) {
        List<Prediction> p = model.predictAll(data);
        int[] pred = Scores.classes(p);
        int[] truth = data.labels();
        return new double[] {Scores.accuracy(truth, pred), Scores.macroF1(truth, pred, data.schema().classes().size())};
    }

    static JsonObject toJson(Result r, Dataset data, long seed, Map<String, String> options) {
        JsonObject o = new JsonObject();
        o.addProperty("dataset", data.name());
        o.addProperty("model", r.family().kind());
        o.addProperty("kind", r.family().transparent() ? "transparent" : "black-box");
        o.addProperty("seed", seed);
        JsonObject rows = new JsonObject();
        rows.addProperty("train", r.train().size());
        rows.addProperty("valid", r.valid().size());
        rows.addProperty("test", r.test().size());
        o.add("rows", rows);
        JsonObject test = new JsonObject();
        test.addProperty("accuracy", r.accuracy());
        test.addProperty("macro_f1", r.macroF1());
        o.add("test", test);
        if (r.cvMacroF1() != null) {
            o.add("cv", cvJson(r, data, seed));
        }
        if (r.model() instanceof HasComplexity h) {
            o.add("complexity", complexity(h.complexity()));
        }
        if (r.model() instanceof Reportable rp) {
            rp.addTo(o);
        }
        JsonObject timing = new JsonObject();
        timing.addProperty("train_seconds", r.trainSeconds());
        o.add("timing", timing);
        JsonObject opts = new JsonObject();
        new TreeMap<>(r.model().provenance().options()).forEach(opts::addProperty);
        o.add("options", opts);
        o.add("training", SchemaJson.trainingJson(r.model().provenance().training()));
        return o;
    }

    /** The cross-validation block: mean and spread of macro-F1 and accuracy, each fold's score, the folds themselves and each fold's model size. */
    private static JsonObject cvJson(Result r, Dataset data, long seed) {
        JsonObject cv = new JsonObject();
        cv.addProperty("folds", r.cvMacroF1().length);
        cv.addProperty("macro_f1_mean", mean(r.cvMacroF1()));
        cv.addProperty("macro_f1_std", std(r.cvMacroF1()));
        cv.addProperty("accuracy_mean", mean(r.cvAccuracy()));
        cv.addProperty("accuracy_std", std(r.cvAccuracy()));
        JsonArray f1 = new JsonArray();
        for (double v : r.cvMacroF1()) {
            f1.add(v);
        }
        cv.add("macro_f1", f1);
        if (data.size() <= 100_000) {
            // the outer folds, so a peer can be scored on exactly the same ones (benchmarks/logistic_cv.py)
            int[] foldOf = new int[data.size()];
            List<Splits.Fold> folds = Splits.kFold(data.schema().isClassification() ? data.labels() : null, data.size(),
                    r.cvMacroF1().length, seed);
            for (int f = 0; f < folds.size(); f++) {
                for (int i : folds.get(f).test()) {
                    foldOf[i] = f;
                }
            }
            JsonArray fa = new JsonArray();
            for (int v : foldOf) {
                fa.add(v);
            }
            cv.add("fold_of_row", fa);
        }
        if (!r.cvComplexity().isEmpty()) {
            // each fold's model is a different model: how large each one is, not only the single split's
            JsonArray fc = new JsonArray();
            r.cvComplexity().forEach(c -> fc.add(complexity(c)));
            cv.add("complexity", fc);
        }
        return cv;
    }

    /** The model's complexity; {@code features} counts the columns the model uses (it was also written, the same value, as active_features). */
    static JsonObject complexity(Complexity c) {
        JsonObject o = new JsonObject();
        o.addProperty("features", c.features());
        o.addProperty("parameters", c.parameters());
        o.addProperty("rules", c.rules());
        o.addProperty("literals", c.literals());
        o.addProperty("nodes", c.nodes());
        o.addProperty("depth", c.depth());
        o.addProperty("concepts", c.concepts());
        o.addProperty("size", c.size());
        return o;
    }

    /** The non-zero parts of a model's size in words: "8 columns, 12 rules, 30 conditions". */
    static String describe(Complexity c) {
        List<String> parts = new ArrayList<>();
        int[] v = {c.features(), c.parameters(), c.rules(), c.literals(), c.nodes(), c.depth(), c.concepts()};
        String[] names = {"columns used", "parameters", "rules", "conditions", "tree nodes", "depth", "concepts"};
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                parts.add(v[i] + " " + names[i]);
            }
        }
        return parts.isEmpty() ? "nothing to count" : String.join(", ", parts);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }

    static List<String> lines(Result r) {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "%s on %s: test accuracy %.4f, macro-F1 %.4f (%d train / %d valid / %d test rows, %.1fs)",
                r.family().kind(), r.train().name(), r.accuracy(), r.macroF1(), r.train().size(), r.valid().size(),
                r.test().size(), r.trainSeconds()));
        if (r.cvMacroF1() != null) {
            l.add(String.format(Locale.ROOT, "  %d-fold CV macro-F1 %.4f ± %.4f, accuracy %.4f ± %.4f",
                    r.cvMacroF1().length, mean(r.cvMacroF1()), std(r.cvMacroF1()), mean(r.cvAccuracy()), std(r.cvAccuracy())));
        }
        if (r.model() instanceof Reportable rp) {
            l.addAll(rp.summaryLines());
        }
        return l;
    }
}
