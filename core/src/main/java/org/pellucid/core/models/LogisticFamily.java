package org.pellucid.core.models;

import java.time.Instant;
import java.util.Optional;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code logistic}: L2-regularised logistic / softmax regression trained by the shared DJL core
 * (Adam, early stopping on validation cross-entropy, which for this convex problem is a smoother
 * signal than accuracy). Options: {@link #OPTIONS}.
 */
public final class LogisticFamily implements ModelFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("epochs", 300, 1, 1_000_000, "most passes over the training rows")
            .number("lr", 0.01, 0, true, 10, "Adam learning rate")
            .number("l2", 0.01, 0, false, 1e6, "L2 penalty on the weights (decoupled weight decay)")
            .integer("batch-size", 256, 1, Integer.MAX_VALUE, "rows per gradient step")
            .integer("patience", 20, 1, 1_000_000, "epochs without a better validation cross-entropy before stopping")
            .build();

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public boolean transparent() {
        return true;
    }

    @Override
    public String description() {
        return "logistic regression; explanation: exact per-column contributions to the logit";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("logistic regression needs a class target");
        }
        if (data.schema().featureCount() == 0) {
            return Optional.of("the data has no tabular columns (token sequences need the attention model)");
        }
        return Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        unsuitable(train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        FeatureEncoder enc = FeatureEncoder.fit(train);
        int k = train.schema().classes().size();
        TrainingOptions o = new TrainingOptions(v.integer("epochs"), v.integer("batch-size"),
                v.number("lr"), v.number("l2"), false, v.integer("patience"),
                cfg.seed(), cfg.device(), cfg.progress());
        MlpNetwork net = new MlpNetwork(enc.width(), new int[0], k);
        TrainResult r = Trainer.fit(net, NeuralData.of(train, enc), valid == null ? null : NeuralData.of(valid, enc),
                Objective.softmaxCrossEntropy(), Trainer.ValidationMetric.negativeCrossEntropy(), StepHook.none(), o);
        int w = enc.width();
        float[] p = r.parameters(); // w0: (k, inputs) row-major, then b0: (k)
        double[][] weights;
        double[] intercepts;
        if (k == 2) {
            weights = new double[1][w];
            for (int j = 0; j < w; j++) {
                weights[0][j] = (double) p[w + j] - p[j];
            }
            intercepts = new double[] {(double) p[w * 2 + 1] - p[w * 2]};
        } else {
            weights = new double[k][w];
            intercepts = new double[k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < w; j++) {
                    weights[c][j] = p[c * w + j];
                }
                intercepts[c] = p[w * k + c];
            }
        }
        Provenance prov = new Provenance(kind(), v.used(), cfg.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString()).withTraining(r.summary());
        return new LogisticModel(enc, weights, intercepts, prov);
    }

    @Override
    public Savable read(ModelReader in) {
        return LogisticModel.read(in);
    }
}
