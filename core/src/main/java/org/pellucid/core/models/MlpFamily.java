package org.pellucid.core.models;

import java.time.Instant;
import java.util.Arrays;
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
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code mlp}: the black-box neural baseline. Options: {@code hidden} (64,64), {@code epochs} (40, or
 * enough for ~1,500 steps on small data; patience grows with it),
 * {@code lr} (0.001), {@code weight-decay} (0, AdamW), {@code batch-size} (256), {@code patience} (6).
 */
public final class MlpFamily implements ModelFamily {
    private static final Set<String> OPTIONS = Set.of("hidden", "epochs", "lr", "weight-decay", "batch-size", "patience");

    @Override
    public String kind() {
        return "mlp";
    }

    @Override
    public boolean transparent() {
        return false;
    }

    @Override
    public String description() {
        return "multilayer perceptron (DJL); black box, explained post hoc";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
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
        int[] hidden = cfg.intListOption("hidden", new int[] {64, 64});
        boolean cls = train.schema().isClassification();
        int outputs = cls ? train.schema().classes().size() : 1;
        // on small data an epoch is a few steps: by default train for at least ~1,500 steps, and let
        // patience scale with it (tic-tac-toe stopped at the majority class after 7 epochs of 3 steps)
        int batch = cfg.intOption("batch-size", 256);
        int stepsPerEpoch = Math.max(1, (train.size() + batch - 1) / batch);
        int epochs = cfg.intOption("epochs", Math.max(40, (1500 + stepsPerEpoch - 1) / stepsPerEpoch));
        TrainingOptions o = new TrainingOptions(epochs, batch,
                cfg.doubleOption("lr", 1e-3), cfg.doubleOption("weight-decay", 0), true, cfg.intOption("patience", Math.max(6, epochs / 8)),
                cfg.seed(), cfg.device(), cfg.progress());
        MlpNetwork net = new MlpNetwork(enc.width(), hidden, outputs);
        TrainResult r = Trainer.fit(net, NeuralData.of(train, enc), valid == null ? null : NeuralData.of(valid, enc),
                cls ? Objective.softmaxCrossEntropy() : Objective.meanSquaredError(), o);
        Map<String, String> opts = new TreeMap<>(Map.of("hidden", Arrays.toString(hidden), "epochs", "" + o.epochs(),
                "lr", "" + o.learningRate(), "weight-decay", "" + o.weightDecay(), "batch-size", "" + o.batchSize(),
                "patience", "" + o.patience()));
        Provenance prov = new Provenance(kind(), opts, cfg.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString()).withTraining(r.summary());
        return new MlpModel(enc, net, r.parameters(), prov);
    }

    @Override
    public Savable read(ModelReader in) {
        return MlpModel.read(in);
    }
}
