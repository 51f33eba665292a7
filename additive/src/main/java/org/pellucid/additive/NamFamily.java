package org.pellucid.additive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.NeuralData;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
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
public final class NamFamily implements ModelFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("hidden", 32, 1, 1024, "units in each hidden layer of a column's shape network (two layers; magic04 CV macro-F1 0.833 at 16, 0.838 at 32)")
            .integer("epochs", 200, 1, 1_000_000, "most passes over the training rows")
            .number("lr", 0.005, 0, true, 10, "Adam learning rate")
            .number("weight-decay", 1e-4, 0, false, 1e6, "decoupled weight decay, which keeps shapes smooth")
            .integer("batch-size", 256, 1, Integer.MAX_VALUE, "rows per gradient step")
            .integer("patience", 30, 1, 1_000_000, "epochs without a better validation cross-entropy before stopping")
            .text("monotone", "none", true, "COLUMN:+|-[,COLUMN:+|-...] (numeric columns, two classes)",
                    "shapes kept non-decreasing (+) or non-increasing (-) in the log-odds of the second class, by projection",
                    NamFamily::checkMonotone)
            .build();

    private static String checkMonotone(String raw) {
        for (String part : raw.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || kv[0].isBlank() || !(kv[1].trim().equals("+") || kv[1].trim().equals("-"))) {
                throw new IllegalArgumentException("option monotone must be COLUMN:+ or COLUMN:- separated by commas, got '" + raw + "'");
            }
        }
        return raw;
    }

    @Override
    public String kind() {
        return "nam";
    }

    @Override
    public boolean transparent() {
        return true;
    }

    @Override
    public String description() {
        return "neural additive model: one small network per column, summed; explanation: each column's exact contribution";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
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
        Fitted f = fit(train, valid, cfg, v);
        Provenance prov = new Provenance(kind(), v.used(), cfg.seed(), train.fingerprint(), train.name(), Provenance.currentVersions(),
                Instant.now().toString()).withTraining(f.result().summary());
        return new NamModel(f.encoder(), f.net(), f.parameters(), prov);
    }

    /** A trained main-effects network: the encoder, the network, its parameters and the training record. */
    record Fitted(FeatureEncoder encoder, AdditiveNetwork net, float[] parameters, TrainResult result) {}

    /** Trains the main effects with the values of {@link #OPTIONS} ({@code ga2m} reads the same names). */
    static Fitted fit(Dataset train, Dataset valid, TrainConfig cfg, OptionTable.Values v) {
        new NamFamily().unsuitable(train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        FeatureEncoder enc = FeatureEncoder.fit(train);
        int k = train.schema().classes().size();
        AdditiveNetwork net = network(enc, v.integer("hidden"), k);
        TrainingOptions o = new TrainingOptions(v.integer("epochs"), v.integer("batch-size"), v.number("lr"), v.number("weight-decay"),
                true, v.integer("patience"), cfg.seed(), cfg.device(), cfg.progress());
        String mono = v.text("monotone", () -> null);
        StepHook hook = StepHook.none();
        MonotoneProjection projection = null;
        if (mono != null && !mono.isBlank()) {
            projection = monotone(mono, enc, net, train);
            hook = projection;
        }
        TrainResult r = Trainer.fit(net, NeuralData.of(train, enc), valid == null ? null : NeuralData.of(valid, enc),
                Objective.softmaxCrossEntropy(), Trainer.ValidationMetric.negativeCrossEntropy(), hook, o);
        float[] params = r.parameters();
        if (projection != null) {
            projection.project(net.layout(), params); // the kept epoch's parameters were projected; this makes it certain
        }
        return new Fitted(enc, net, params, r);
    }

    /** Parses {@code col:+,col:-} into shape-network signs, naming a wrong column in the data's terms. */
    static MonotoneProjection monotone(String spec, FeatureEncoder enc, AdditiveNetwork net, Dataset train) {
        if (train.schema().classes().size() != 2) {
            throw new IllegalArgumentException("option monotone needs two classes (monotone in the log-odds of the second); the target has "
                    + train.schema().classes().size());
        }
        java.util.Map<Integer, Integer> signs = new java.util.HashMap<>();
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
            int shape = -1;
            for (int c = 0; c < net.numeric.length; c++) {
                shape = enc.features().get(net.numeric[c]).column() == j ? c : shape;
            }
            signs.put(shape, kv[1].trim().equals("+") ? 1 : -1);
        }
        return new MonotoneProjection(net, signs);
    }

    @Override
    public Savable read(ModelReader in) {
        return NamModel.read(in);
    }
}
