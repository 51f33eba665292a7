package org.pellucid.additive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.NeuralData;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code nam}: a neural additive model (Agarwal et al., "Neural Additive Models: Interpretable
 * Machine Learning with Neural Nets", NeurIPS 2021) — one ReLU MLP per numeric column, one learned
 * value per category and class, summed into the logits ({@link AdditiveNetwork}), trained by the
 * shared trainer (Adam, early stopping on validation cross-entropy). The paper's ExU units, feature
 * dropout and output penalty are not used: plain ReLU shape networks with weight decay, which
 * measured well on the tables here. Options: {@link #OPTIONS}.
 */
public final class NamFamily extends BasicFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("hidden", 32, 1, 1024, "units in each hidden layer of a column's shape network (two layers; magic04 CV macro-F1 0.833 at 16, 0.838 at 32)")
            .integer("epochs", 200, 1, 1_000_000, "most passes over the training rows")
            .number("lr", 0.005, 0, true, 10, "Adam learning rate")
            .number("weight-decay", 1e-4, 0, false, 1e6, "decoupled weight decay, which keeps shapes smooth")
            .integer("batch-size", 256, 1, Integer.MAX_VALUE, "rows per gradient step")
            .integer("bags", 1, 1, 100, "networks trained from different seeds and averaged (the model stays additive)")
            .integer("patience", 30, 1, 1_000_000, "epochs without a better validation cross-entropy before stopping")
            .text("monotone", "none", true, "COLUMN:+|-[,COLUMN:+|-...] (numeric columns, two classes)",
                    "shapes kept non-decreasing (+) or non-increasing (-) in the log-odds of the second class, by projection",
                    NamFamily::checkMonotone)
            .choice("inputs", "standardize", List.of("standardize", "quantile"),
                    "what a numeric column's shape network reads: standardize, (x - mean) / std; quantile, its training distribution "
                    + "function at up to 256 knots (NODE, Popov et al. 2020; on adult's split it ended at validation cross-entropy 0.300 "
                    + "against 0.289 standardised)")
            .choice("decision", "macro-f1", List.of("macro-f1", "argmax"),
                    "macro-f1: per-class offsets in the bias tuned on the validation rows so the predicted class maximises macro-F1 "
                    + "(the model stays a sum; contributions unchanged); argmax: the trained bias as is")
            .build();

    /** Most knots of the quantile input map. */
    static final int QUANTILE_KNOTS = 256;

    private static String checkMonotone(String raw) {
        for (String part : raw.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || kv[0].isBlank() || !(kv[1].trim().equals("+") || kv[1].trim().equals("-"))) {
                throw new IllegalArgumentException("option monotone must be COLUMN:+ or COLUMN:- separated by commas, got '" + raw + "'");
            }
        }
        return raw;
    }

    /** The family, as the registry creates it. */
    public NamFamily() {
        super("nam", true, "neural additive model: one small network per column, summed; explanation: each column's exact contribution", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("this additive model classifies; the target is numeric");
        }
        if (data.schema().featureCount() == 0) {
            return Optional.of("the data has no tabular columns");
        }
        if (data.schema().featureCount() > 200) {
            return Optional.of("more than 200 columns (images?) make an additive model unreadable");
        }
        return Optional.empty();
    }

    /** The network for an encoder: numeric columns (width 1) get shape networks, the rest are indicators. */
    static AdditiveNetwork network(FeatureEncoder enc, int hidden, int classes) {
        List<Integer> numeric = new ArrayList<>();
        List<Integer> categorical = new ArrayList<>();
        for (int j = 0; j < enc.schema().featureCount(); j++) {
            boolean num = enc.schema().feature(j).isNumeric();
            for (int k = enc.offset(j); k < enc.offset(j) + enc.width(j); k++) {
                (num ? numeric : categorical).add(k);
            }
        }
        return new AdditiveNetwork(enc.width(), numeric.stream().mapToInt(Integer::intValue).toArray(),
                categorical.stream().mapToInt(Integer::intValue).toArray(), hidden, classes);
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        Fitted f = fit(train, valid, cfg, v, v.choice("decision").equals("macro-f1"));
        Provenance prov = Provenance.of(kind(), v.used(), cfg.seed(), train).withTraining(f.summary());
        return new NamModel(f.encoder(), f.net(), f.bags(), prov);
    }

    /** Trained main effects: the encoder, the network, one parameter vector per bag, and what training found. */
    record Fitted(FeatureEncoder encoder, AdditiveNetwork net, float[][] bags, TrainingSummary summary) {
        /** The bags' mean logits for encoded rows, row-major. */
        float[] logits(float[] x, int rows) {
            return meanLogits(net, bags, x, rows);
        }
    }

    /** The mean over parameter vectors of a network's logits (a bagged additive model's logits). */
    static float[] meanLogits(Network net, float[][] bags, float[] x, int rows) {
        float[] out = null;
        for (float[] p : bags) {
            float[] l = Ga2mFamily.logits(net, p, x, rows);
            if (out == null) {
                out = l;
            } else {
                for (int i = 0; i < l.length; i++) {
                    out[i] += l[i];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= bags.length;
        }
        return out;
    }

    /**
     * Trains the main effects with the values of {@link #OPTIONS} ({@code ga2m} reads the same names): {@code bags}
     * networks from different seeds, averaged; with {@code tuneDecision} and validation rows, the bias then gets
     * {@link DecisionOffsets} tuned on the average.
     */
    static Fitted fit(Dataset train, Dataset valid, TrainConfig cfg, OptionTable.Values v, boolean tuneDecision) {
        new NamFamily().requireSuitable(train);
        FeatureEncoder enc = v.choice("inputs").equals("quantile")
                ? FeatureEncoder.fit(train, NumericEncoding.QUANTILE, QUANTILE_KNOTS)
                : FeatureEncoder.fit(train);
        int k = train.schema().classes().size();
        AdditiveNetwork net = network(enc, v.integer("hidden"), k);
        String mono = v.text("monotone", () -> null);
        StepHook hook = StepHook.none();
        MonotoneProjection projection = null;
        if (mono != null && !mono.isBlank()) {
            projection = monotone(mono, enc, net, train);
            hook = projection;
        }
        var trainData = NeuralData.of(train, enc);
        var validData = valid == null ? null : NeuralData.of(valid, enc);
        float[][] bags = new float[v.integer("bags")][];
        TrainingSummary summary = null;
        List<String> bestEpochs = new ArrayList<>();
        for (int b = 0; b < bags.length; b++) {
            TrainingOptions o = new TrainingOptions(v.integer("epochs"), v.integer("batch-size"), v.number("lr"), v.number("weight-decay"),
                    true, v.integer("patience"), cfg.seed() + 7919L * b, cfg.device(), cfg.progress());
            TrainResult r = Trainer.fit(net, trainData, validData, Objective.softmaxCrossEntropy(),
                    Trainer.ValidationMetric.negativeCrossEntropy(), hook, o);
            bags[b] = r.parameters();
            if (projection != null) {
                projection.project(net.layout(), bags[b]); // the kept epoch's parameters were projected; this makes it certain
            }
            summary = summary == null ? r.summary() : summary;
            bestEpochs.add(String.valueOf(r.bestEpoch()));
        }
        if (bags.length > 1) {
            summary = summary.withNote("bag_best_epochs", String.join(", ", bestEpochs));
        }
        Fitted f = new Fitted(enc, net, bags, summary);
        if (tuneDecision && valid != null && valid.size() > 0) {
            double[] off = DecisionOffsets.tune(f.logits(enc.encodeAllFlat(valid), valid.size()), valid.labels(), k);
            long at = net.layout().slot("bias").offset();
            for (float[] p : bags) {
                for (int q = 0; q < k; q++) {
                    p[(int) at + q] += (float) off[q];
                }
            }
            f = new Fitted(enc, net, bags, summary.withNote("decision_offsets", offsetsText(off)));
        }
        return f;
    }

    /** Offsets as the training record shows them: {@code [0, -0.62]}. */
    static String offsetsText(double[] off) {
        return Arrays.stream(off).mapToObj(o -> String.format(Locale.ROOT, "%.2f", o))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Parses {@code col:+,col:-} into shape-network signs, naming a wrong column in the data's terms. */
    static MonotoneProjection monotone(String spec, FeatureEncoder enc, AdditiveNetwork net, Dataset train) {
        Map<Integer, Integer> signs = new HashMap<>();
        monotoneSigns(spec, train).forEach((j, sign) -> {
            int shape = -1;
            for (int c = 0; c < net.numeric.length; c++) {
                shape = enc.features().get(net.numeric[c]).column() == j ? c : shape;
            }
            signs.put(shape, sign);
        });
        return new MonotoneProjection(net, signs);
    }

    /** Parses {@code col:+,col:-} into each column's sign (+1 non-decreasing, -1 non-increasing), naming a wrong column in the data's terms. */
    static Map<Integer, Integer> monotoneSigns(String spec, Dataset train) {
        if (train.schema().classes().size() != 2) {
            throw new IllegalArgumentException("option monotone needs two classes (monotone in the log-odds of the second); the target has "
                    + train.schema().classes().size());
        }
        Map<Integer, Integer> signs = new TreeMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            int j = train.schema().indexOf(kv[0].trim());
            if (j < 0) {
                throw new IllegalArgumentException("option monotone: no column '" + kv[0].trim() + "'; columns are "
                        + train.schema().featureNames());
            }
            if (!train.schema().feature(j).isNumeric()) {
                throw new IllegalArgumentException("option monotone: column " + kv[0].trim() + " is categorical; monotone needs an ordered, numeric column");
            }
            signs.put(j, kv[1].trim().equals("+") ? 1 : -1);
        }
        return signs;
    }

    @Override
    public Savable read(ModelReader in) {
        return NamModel.read(in);
    }
}
