package org.pellucid.core.models;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * signal than accuracy). Options: {@code epochs} (300), {@code lr} (0.01), {@code l2} (0.01),
 * {@code batch-size} (256), {@code patience} (20).
 */
public final class LogisticFamily implements ModelFamily {
    private static final Set<String> OPTIONS = Set.of("epochs", "lr", "l2", "batch-size", "patience");

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
    public Set<String> options() {
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
        cfg.requireOnly(kind(), OPTIONS);
        unsuitable(train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        FeatureEncoder enc = FeatureEncoder.fit(train);
        int k = train.schema().classes().size();
        TrainingOptions o = new TrainingOptions(cfg.intOption("epochs", 300), cfg.intOption("batch-size", 256),
                cfg.doubleOption("lr", 0.01), cfg.doubleOption("l2", 0.01), false, cfg.intOption("patience", 20),
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
        Map<String, String> opts = new TreeMap<>(Map.of("epochs", "" + o.epochs(), "lr", "" + o.learningRate(),
                "l2", "" + o.weightDecay(), "batch-size", "" + o.batchSize(), "patience", "" + o.patience()));
        Provenance prov = new Provenance(kind(), opts, cfg.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString()).withTraining(r.summary());
        return new LogisticModel(enc, weights, intercepts, prov);
    }

    @Override
    public Savable read(ModelReader in) {
        return LogisticModel.read(in);
    }
}
