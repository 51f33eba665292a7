package org.pellucid.bottleneck;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.ModelFamily;
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
 * Options: {@code mode}, {@code head}, {@code encoder} (mlp, or cnn for image data with one channel
 * per concept group), {@code hidden} (64,64; 128 after the CNN), {@code lambda} (1), {@code epochs} (150; 60 with the CNN),
 * {@code lr} (0.005), {@code batch-size} (256), {@code patience} (20), {@code weight-decay} (0).
 */
public class ConceptFamily implements ModelFamily {
    private static final Set<String> OPTIONS = Set.of("mode", "hidden", "lambda", "epochs", "lr", "batch-size", "patience",
            "weight-decay", "embedding-size", "randint", "head", "encoder");

    @Override
    public String kind() {
        return "cbm";
    }

    boolean embedding() {
        return false;
    }

    @Override
    public boolean transparent() {
        return true;
    }

    @Override
    public String description() {
        return "concept bottleneck: input → concepts → label; explanation: concept probabilities and their contributions; interventions";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
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
        cfg.requireOnly(kind(), OPTIONS);
        unsuitable(train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        String mode = cfg.options().getOrDefault("mode", embedding() ? "joint" : "sequential");
        if (!Set.of("joint", "sequential", "independent").contains(mode)) {
            throw new IllegalArgumentException("mode must be joint, sequential or independent, got '" + mode + "'");
        }
        if (embedding() && !mode.equals("joint")) {
            throw new IllegalArgumentException("cem trains jointly (its embeddings need the task loss); mode '" + mode + "' applies to cbm");
        }
        if (!embedding() && (cfg.options().containsKey("embedding-size") || cfg.options().containsKey("randint"))) {
            throw new IllegalArgumentException("embedding-size and randint are cem options");
        }
        ConceptGroups groups = new ConceptGroups(train.schema().concepts());
        String encoderKind = cfg.options().getOrDefault("encoder", imageSlots(train, groups) ? "cnn" : "mlp");
        if (!encoderKind.equals("mlp") && !encoderKind.equals("cnn")) {
            throw new IllegalArgumentException("encoder must be mlp or cnn, got '" + encoderKind + "'");
        }
        if (encoderKind.equals("cnn") && !imageSlots(train, groups)) {
            throw new IllegalArgumentException("the cnn encoder needs image data with one channel per concept group");
        }
        int[] image = encoderKind.equals("cnn") ? train.imageShape() : null;
        int[] hidden = cfg.intListOption("hidden", image != null ? new int[] {128} : new int[] {64, 64});
        FeatureEncoder enc = image != null
                ? FeatureEncoder.fit(train, org.pellucid.core.encode.NumericEncoding.RAW, 0) // pixels as loaded, in [0, 1]
                : FeatureEncoder.fit(train);
        String head = cfg.options().getOrDefault("head", "pairwise");
        if (!head.equals("pairwise") && !head.equals("linear")) {
            throw new IllegalArgumentException("head must be pairwise or linear, got '" + head + "'");
        }
        if (embedding() && cfg.options().containsKey("head")) {
            throw new IllegalArgumentException("cem's head is linear in the concept embeddings; the head option applies to cbm");
        }
        boolean pairwise = !embedding() && head.equals("pairwise");
        int m = cfg.intOption("embedding-size", 16);
        double lambda = cfg.doubleOption("lambda", 1.0);
        double randInt = cfg.doubleOption("randint", 0.25);
        if (lambda < 0 || randInt < 0 || randInt > 1 || m < 1) {
            throw new IllegalArgumentException("lambda must be ≥ 0, randint in [0, 1], embedding-size ≥ 1");
        }
        // the CNN costs ~3 s an epoch on MNIST-addition here; 60 epochs keep it well inside 10 minutes
        TrainingOptions o = new TrainingOptions(cfg.intOption("epochs", image != null ? 60 : 150), cfg.intOption("batch-size", 256),
                cfg.doubleOption("lr", 0.005), cfg.doubleOption("weight-decay", 0), false, cfg.intOption("patience", 20),
                cfg.seed(), cfg.device(), cfg.progress());
        int k = groups.concepts();
        int classes = train.schema().classes().size();
        ConceptNetwork.Spec spec = new ConceptNetwork.Spec(embedding(), enc.width(), hidden, image, groups, m, classes, pairwise);
        float[] params;
        org.pellucid.core.model.TrainingSummary summary;
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
        Map<String, String> opts = new TreeMap<>(Map.of("mode", mode, "hidden", java.util.Arrays.toString(hidden),
                "lambda", "" + lambda, "epochs", "" + o.epochs(), "lr", "" + o.learningRate(), "patience", "" + o.patience()));
        if (!embedding()) {
            opts.put("head", head);
        }
        opts.put("encoder", encoderKind);
        if (embedding()) {
            opts.put("embedding-size", "" + m);
            opts.put("randint", "" + randInt);
        }
        Provenance prov = new Provenance(kind(), opts, cfg.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString()).withTraining(summary);
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
                for (ConceptGroups.Group g : groups.groups()) {
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
            try (NetworkRunner run = new NetworkRunner(encNet, encParams, ai.djl.Device.cpu())) {
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
     * replaced by its true value with probability {@code randint} (0.25) in the head's input, so the
     * head learns to use interventions. Options as {@code cbm} plus {@code embedding-size} (16) and
     * {@code randint}. The RandInt mask is drawn once per row rather than per step (the shared
     * trainer feeds fixed rows), which keeps the regulariser but with less variety.
     */
    public static final class Embedding extends ConceptFamily {
        @Override
        public String kind() {
            return "cem";
        }

        @Override
        boolean embedding() {
            return true;
        }

        @Override
        public String description() {
            return "concept embedding model: positive/negative embedding per concept mixed by its probability; interventions";
        }
    }
}
