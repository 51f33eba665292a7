package org.pellucid.bottleneck;

import ai.djl.Device;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.NetworkRunner;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code cbm}: concept bottleneck model (Koh et al., "Concept Bottleneck Models", ICML 2020).
 * Training modes ({@code mode}):
 * <ul>
 *   <li>{@code joint}: encoder and head together, loss = task CE + λ · concept loss;</li>
 *   <li>{@code sequential} (default): encoder on the concepts, then the head on the encoder's
 *       predicted concept probabilities — the default because a jointly trained head can learn to
 *       read label information leaked through soft probabilities, and then true concepts given by
 *       an intervention make it worse (measured on Trig and tic-tac-toe: see the README);</li>
 *   <li>{@code independent}: encoder on the concepts, head on the true concepts; at test time the
 *       head reads the encoder's predictions.</li>
 * </ul>
 * The head is transparent: {@code head=pairwise} (default) is a softmax regression on the concepts
 * and on the AND of every two concepts from different groups — readable as weights on "A" and on
 * "A and B" — because a linear head cannot express a label that is an interaction of concepts, such
 * as the XOR task's; {@code head=linear} uses the concepts alone.
 * Options: {@link #CBM_OPTIONS}. The CNN costs ~3 s an epoch on MNIST-addition here, so it gets
 * 60 epochs by default, which keeps it well inside 10 minutes.
 */
public class ConceptFamily extends BasicFamily {
    private static OptionTable.Builder common(OptionTable.Builder b) {
        return b.choice("encoder", "cnn for image data with one channel per concept group, else mlp", List.of("mlp", "cnn"),
                        "what maps the inputs to the concepts", true)
                .integers("hidden", "128 after the cnn, else 64,64", 1, true, "hidden layer widths of the encoder")
                .number("lambda", 1, 0, false, 1e6, "weight of the concept loss against the task loss (joint training)")
                .integer("epochs", "60 with the cnn, else 150", 1, 1_000_000, "most passes over the training rows")
                .number("lr", 0.005, 0, true, 10, "Adam learning rate")
                .integer("batch-size", 256, 1, Integer.MAX_VALUE, "rows per gradient step")
                .integer("patience", 20, 1, 1_000_000, "epochs without a better validation loss before stopping")
                .number("weight-decay", 0, 0, false, 1e6, "L2 penalty on the weights");
    }

    /** The options of {@code cbm}, with their defaults and ranges. */
    public static final OptionTable CBM_OPTIONS = common(OptionTable.builder()
            .choice("mode", "sequential", List.of("joint", "sequential", "independent"), "how encoder and head are trained")
            .choice("head", "pairwise", List.of("pairwise", "linear"), "pairwise: weights on each concept and on each AND of two concepts; linear: on the concepts alone"))
            .build();

    /** The options of {@code cem}, with their defaults and ranges. */
    public static final OptionTable CEM_OPTIONS = common(OptionTable.builder()
            .choice("mode", "joint", List.of("joint"), "cem trains jointly: its embeddings need the task loss"))
            .integer("embedding-size", 16, 1, 4096, "width of each concept's positive and negative embedding")
            .number("randint", 0.25, 0, false, 1, "chance that a training row's concept group is replaced by its true value (RandInt)")
            .build();

    /** {@code cbm}, as the registry creates it. */
    public ConceptFamily() {
        this("cbm", "concept bottleneck: input → concepts → label; explanation: concept probabilities and their contributions; "
                + "interventions", CBM_OPTIONS);
    }

    private ConceptFamily(String kind, String description, OptionTable options) {
        super(kind, true, description, options);
    }

    /** Whether this is {@code cem}, whose concepts are embeddings. */
    boolean embedding() {
        return options() == CEM_OPTIONS;
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("concept models need a class target");
        }
        if (!data.hasConcepts()) {
            return Optional.of("the data has no concept columns (try synthetic:xor, synthetic:trig, synthetic:dot, "
                    + "tic-tac-toe or synthetic:mnist-addition)");
        }
        if (data.schema().featureCount() == 0) {
            return Optional.of("the data has no input columns");
        }
        return Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = options().read(kind(), cfg);
        requireSuitable(train);
        String mode = v.choice("mode");
        ConceptGroups groups = new ConceptGroups(train.schema().concepts());
        String encoderKind = v.choice("encoder", () -> imageSlots(train, groups) ? "cnn" : "mlp");
        if (encoderKind.equals("cnn") && !imageSlots(train, groups)) {
            throw new IllegalArgumentException("the cnn encoder needs image data with one channel per concept group");
        }
        int[] image = encoderKind.equals("cnn") ? train.imageShape() : null;
        int[] hidden = v.integers("hidden", () -> image != null ? new int[] {128} : new int[] {64, 64});
        FeatureEncoder enc = image != null
                ? FeatureEncoder.fit(train, NumericEncoding.RAW, 0) // pixels as loaded, in [0, 1]
                : FeatureEncoder.fit(train);
        // cem's head is linear in the concept embeddings
        boolean pairwise = !embedding() && v.choice("head").equals("pairwise");
        int m = embedding() ? v.integer("embedding-size") : 16;
        double lambda = v.number("lambda");
        double randInt = embedding() ? v.number("randint") : 0;
        TrainingOptions o = new TrainingOptions(v.integer("epochs", () -> image != null ? 60 : 150), v.integer("batch-size"),
                v.number("lr"), v.number("weight-decay"), false, v.integer("patience"),
                cfg.seed(), cfg.device(), cfg.progress());
        int k = groups.concepts();
        int classes = train.schema().classes().size();
        ConceptNetwork.Spec spec = new ConceptNetwork.Spec(embedding(), enc.width(), hidden, image, groups, m, classes, pairwise);
        float[] params;
        TrainingSummary summary;
        if (mode.equals("joint")) {
            boolean ri = embedding() && randInt > 0;
            ConceptNetwork net = new ConceptNetwork(ConceptNetwork.Part.FULL, spec, ri);
            Objective obj = ConceptNetwork.joint(groups, classes, lambda);
            TrainResult r = Trainer.fit(net, jointData(train, enc, groups, ri ? randInt : -1, cfg.seed()),
                    valid == null ? null : jointData(valid, enc, groups, ri ? 0 : -1, cfg.seed()), obj,
                    (out, t, labels) -> -obj.loss(out, t).getFloat(), StepHook.none(), o);
            params = r.parameters();
            summary = r.summary();
        } else {
            ConceptNetwork encNet = new ConceptNetwork(ConceptNetwork.Part.ENCODER, spec, false);
            Objective cl = (out, t) -> ConceptNetwork.conceptLoss(groups, out, t);
            TrainResult re = Trainer.fit(encNet, conceptData(train, enc), valid == null ? null : conceptData(valid, enc), cl,
                    (out, t, labels) -> -cl.loss(out, t).getFloat(), StepHook.none(), o);
            TensorData headTrain = headData(train, enc, groups, mode.equals("sequential") ? encNet : null, re.parameters());
            TensorData headValid = valid == null ? null
                    : headData(valid, enc, groups, mode.equals("sequential") ? encNet : null, re.parameters());
            ConceptNetwork headNet = new ConceptNetwork(ConceptNetwork.Part.HEAD,
                    new ConceptNetwork.Spec(false, k, new int[0], null, groups, m, classes, pairwise), false);
            TrainResult rh = Trainer.fit(headNet, headTrain, headValid, Objective.softmaxCrossEntropy(),
                    Trainer.ValidationMetric.negativeCrossEntropy(), StepHook.none(), o);
            ConceptNetwork full = new ConceptNetwork(ConceptNetwork.Part.FULL, spec, false);
            params = new float[(int) full.layout().size()];
            copy(encNet.layout(), re.parameters(), full.layout(), params);
            copy(headNet.layout(), rh.parameters(), full.layout(), params);
            summary = rh.summary().with("encoder_best_epoch", re.bestEpoch()).withNote("encoder_stop_reason",
                    re.stopReason() == null ? "" : re.stopReason());
        }
        Provenance prov = Provenance.of(kind(), v.used(), cfg.seed(), train).withTraining(summary);
        return new ConceptModel(kind(), mode, enc, spec, params, prov);
    }

    /** Image data with one channel per concept group, all groups of one size: the shared-CNN layout. */
    static boolean imageSlots(Dataset d, ConceptGroups groups) {
        if (!d.hasImages()) {
            return false;
        }
        int[] im = d.imageShape();
        int size = groups.groups().get(0).size();
        return im[0] == groups.groups().size() && im[0] > 1 && groups.groups().stream().allMatch(g -> g.size() == size)
                && im[1] % 4 == 0 && im[2] % 4 == 0;
    }

    private static void copy(ParamLayout from, float[] src, ParamLayout to, float[] dst) {
        for (ParamLayout.Slot s : from.slots()) {
            ParamLayout.Slot d = to.slot(s.name());
            System.arraycopy(src, (int) s.offset(), dst, (int) d.offset(), (int) s.size());
        }
    }

    private static float[] concepts(Dataset d, int k) {
        float[] c = new float[d.size() * k];
        for (int i = 0; i < d.size(); i++) {
            double[] v = d.concepts(i);
            for (int j = 0; j < k; j++) {
                if (Double.isNaN(v[j])) {
                    throw new IllegalArgumentException("row " + i + " of '" + d.name() + "' has a missing concept value; "
                            + "concept models need every concept annotated");
                }
                c[i * k + j] = (float) v[j];
            }
        }
        return c;
    }

    /**
     * Features [x | true concepts | RandInt mask] when {@code randInt} ≥ 0 (a mask drawn once per row
     * with that probability per concept group; 0 gives an all-zero mask), else just x. Targets
     * [concepts | one-hot class].
     */
    static TensorData jointData(Dataset d, FeatureEncoder enc, ConceptGroups groups, double randInt, long seed) {
        int k = groups.concepts();
        int classes = d.schema().classes().size();
        float[] x = enc.encodeAllFlat(d);
        float[] c = concepts(d, k);
        int w = enc.width();
        float[] feats = x;
        int width = w;
        if (randInt >= 0) {
            width = w + 2 * k;
            feats = new float[d.size() * width];
            Random r = new Random(seed * 7919 + 13);
            for (int i = 0; i < d.size(); i++) {
                System.arraycopy(x, i * w, feats, i * width, w);
                System.arraycopy(c, i * k, feats, i * width + w, k);
                for (HasConcepts.Group g : groups.groups()) {
                    float mask = r.nextDouble() < randInt ? 1f : 0f;
                    for (int j = g.from(); j < g.to(); j++) {
                        feats[i * width + w + k + j] = mask;
                    }
                }
            }
        }
        int[] labels = d.labels();
        float[] t = new float[d.size() * (k + classes)];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(c, i * k, t, i * (k + classes), k);
            t[i * (k + classes) + k + labels[i]] = 1f;
        }
        return new TensorData(feats, d.size(), width, t, k + classes, labels);
    }

    static TensorData conceptData(Dataset d, FeatureEncoder enc) {
        int k = d.schema().concepts().size();
        return new TensorData(enc.encodeAllFlat(d), d.size(), enc.width(), concepts(d, k), k, null);
    }

    /** Head inputs: the true concepts, or (sequential) the trained encoder's concept probabilities. */
    static TensorData headData(Dataset d, FeatureEncoder enc, ConceptGroups groups, ConceptNetwork encNet, float[] encParams) {
        int k = groups.concepts();
        float[] in;
        if (encNet == null) {
            in = concepts(d, k);
        } else {
            try (NetworkRunner run = new NetworkRunner(encNet, encParams, Device.cpu())) {
                float[] logits = run.forward(enc.encodeAllFlat(d), d.size());
                in = new float[logits.length];
                double[] row = new double[k];
                for (int i = 0; i < d.size(); i++) {
                    for (int j = 0; j < k; j++) {
                        row[j] = logits[i * k + j];
                    }
                    double[] p = groups.activate(row);
                    for (int j = 0; j < k; j++) {
                        in[i * k + j] = (float) p[j];
                    }
                }
            }
        }
        return TensorData.classification(in, d.size(), k, d.labels(), d.schema().classes().size());
    }

    @Override
    public Savable read(ModelReader in) {
        return ConceptModel.read(kind(), in);
    }

    /**
     * {@code cem}: concept embedding model (Espinosa Zarlenga et al., "Concept Embedding Models",
     * NeurIPS 2022), trained jointly with RandInt: each training row has each concept group
     * replaced by its true value with probability {@code randint} in the head's input, so the
     * head learns to use interventions. Options: {@link #CEM_OPTIONS}. The RandInt mask is drawn once per row rather than per step (the shared
     * trainer feeds fixed rows), which keeps the regulariser but with less variety.
     */
    public static final class Embedding extends ConceptFamily {
        /** {@code cem}, as the registry creates it. */
        public Embedding() {
            super("cem", "concept embedding model: positive/negative embedding per concept mixed by its probability; interventions",
                    CEM_OPTIONS);
        }
    }
}
