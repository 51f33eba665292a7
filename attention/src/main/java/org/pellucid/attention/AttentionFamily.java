package org.pellucid.attention;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.ImageShifts;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.NeuralData;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code attention}: a transformer that keeps its attention ({@link AttentionNetwork}), over column
 * tokens for tabular data, patch tokens for images and word tokens (with learned positions, up to
 * {@code max-length}) for text. Options: {@link #OPTIONS}.
 */
public final class AttentionFamily extends BasicFamily {
    /** Shifted copies of each training image by default: MNIST 0.903 with none, 0.942 with 4, 0.955 with 9. */
    static final int DEFAULT_IMAGE_COPIES = 9;

    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("width", 32, 1, 4096, "token embedding width")
            .integer("heads", 4, 1, 256, "attention heads per layer")
            .integer("layers", 2, 1, 64, "transformer layers")
            .integer("patch", 7, 1, 1024, "images: side of a square patch token, in pixels")
            .flag("shared-patches", false, "images: one ViT-style projection shared by all patches (false: each pixel has its own token weights, 0.90 on MNIST against 0.87)")
            .integer("max-length", 64, 1, 100_000, "text: most word tokens read, with learned positions")
            .choice("method", "rollout", List.of("raw", "rollout", "flow", "grad-rollout"), "how attention becomes the explanation")
            .integer("epochs", 60, 1, 1_000_000, "most passes over the training rows")
            .number("lr", "0.001 for text, else 0.0005", 0, true, 10, "AdamW learning rate (0.001 diverged on splice; 0.0005 left sms-spam at 0.979)")
            .number("weight-decay", 1e-4, 0, false, 1e6, "decoupled weight decay")
            .integer("batch-size", 128, 1, Integer.MAX_VALUE, "rows per gradient step")
            .integer("patience", 10, 1, 1_000_000, "epochs without a better validation cross-entropy before stopping")
            .integer("augment", "images: " + DEFAULT_IMAGE_COPIES + ", else 0", 0, 1000, "images only: shifted copies of each training image")
            .integer("max-shift", 2, 1, 64, "images only: largest shift of an augmented copy, in pixels")
            .build();

    /** The family, as the registry creates it. */
    public AttentionFamily() {
        super("attention", true, "transformer over column or patch tokens; explanation: attention rollout, flow or gradient-weighted rollout", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("the attention model needs a class target");
        }
        if (data.schema().featureCount() == 0 && !data.hasTokens()) {
            return Optional.of("the data has no input columns and no token sequences");
        }
        return Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        requireSuitable(train);
        AttentionModel.Method method = AttentionModel.Method.parse(v.choice("method"));
        boolean shared = v.flag("shared-patches") && train.hasImages();
        int copies = v.integer("augment", () -> train.hasImages() ? DEFAULT_IMAGE_COPIES : 0);
        if (copies > 0 && !train.hasImages()) {
            throw new IllegalArgumentException("augment makes shifted copies of images; '" + train.name() + "' has no images");
        }
        Dataset fit = copies > 0 ? ImageShifts.augment(train, copies, v.integer("max-shift"), cfg.seed())
                : train;
        FeatureEncoder enc = shared
                ? FeatureEncoder.fit(fit, NumericEncoding.RAW, 0) // pixels as loaded, in [0, 1]
                : FeatureEncoder.fit(fit);
        TokenLayout tokens = train.hasTokens() ? TokenLayout.sequence(train.vocabulary(), v.integer("max-length"))
                : train.hasImages() ? TokenLayout.patches(enc, train.imageShape(), v.integer("patch"), shared)
                : TokenLayout.columns(enc);
        int d = v.integer("width");
        int heads = v.integer("heads");
        int layers = v.integer("layers");
        AttentionNetwork net = new AttentionNetwork(AttentionModel.inputs(enc, tokens), tokens, d, heads, layers,
                train.schema().classes().size());
        TrainingOptions o = new TrainingOptions(v.integer("epochs"), v.integer("batch-size"),
                v.number("lr", () -> train.hasTokens() ? 1e-3 : 5e-4), v.number("weight-decay"), true,
                v.integer("patience"),
                cfg.seed(), cfg.device(), cfg.progress());
        TrainResult r = Trainer.fit(net, data(fit, enc, tokens), valid == null ? null : data(valid, enc, tokens),
                Objective.softmaxCrossEntropy(), Trainer.ValidationMetric.negativeCrossEntropy(), StepHook.none(), o);
        Map<String, String> opts = v.used();
        opts.put("shared-patches", "" + shared); // asked for on data without images, it does not apply
        Provenance prov = Provenance.of(kind(), opts, cfg.seed(), train).withTraining(r.summary().withNote("tokens", tokens.kind()));
        return new AttentionModel(enc, tokens, d, heads, layers, r.parameters(), prov, method);
    }

    private static TensorData data(Dataset d, FeatureEncoder enc, TokenLayout tokens) {
        if (tokens.vocabulary() == null) {
            return NeuralData.of(d, enc);
        }
        int w = tokens.count();
        float[] x = new float[d.size() * w];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(tokens.ids(d.row(i)), 0, x, i * w, w);
        }
        return TensorData.classification(x, d.size(), w, d.labels(), d.schema().classes().size());
    }

    @Override
    public Savable read(ModelReader in) {
        return AttentionModel.read(in);
    }
}
