package org.pellucid.bottleneck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * The DJL network behind both concept models, or one of its two halves.
 *
 * <p>Encoder: input → concept logits. Either an MLP on the encoded row, or — for image data with one
 * channel per concept group (MNIST-addition: one digit per channel) — one small CNN shared by the
 * channels (two 3×3 convolutions with ReLU and 2×2 max-pooling, then the dense {@code hidden}
 * layers), each channel giving its own group's logits. For a bottleneck model ({@code cbm}, Koh et
 * al., ICML 2020) the logits come from a linear layer and the head reads the concept probabilities.
 * For a concept embedding model ({@code cem}, Espinosa Zarlenga et al., NeurIPS 2022) each concept
 * i has a positive and a negative embedding {@code c±_i = ReLU(W±_i h + b±_i)} of size m, its
 * probability is scored from both, {@code p_i = σ(s_i·[c+_i; c−_i] + t_i)}, and the head reads the
 * mixtures {@code p_i c+_i + (1 − p_i) c−_i}. Binary concepts take a sigmoid, categorical groups a
 * softmax.
 *
 * <p>Head: a linear layer to the class logits (for the pairwise head, on the concepts and the
 * products of concept pairs from different groups). The full network outputs the concept logits,
 * then the class logits; the encoder alone outputs the concept logits and, for cem, the flattened
 * positive and negative embeddings. When {@code interventionInputs} is set the input row also
 * carries the true concepts and a 0/1 mask after the features, and masked concepts are replaced by
 * their true values before the head — RandInt training (CEM paper, §4).
 */
final class ConceptNetwork implements Network {
    enum Part { FULL, ENCODER, HEAD }

    /**
     * What the network looks like.
     *
     * @param image null for the MLP encoder, else {channels, height, width} for the shared CNN
     */
    record Spec(boolean embedding, int inputs, int[] hidden, int[] image, ConceptGroups groups, int m, int classes,
                boolean pairwise) {
        Spec {
            pairwise = pairwise && !embedding;
            if (image != null) {
                int size = groups.groups().get(0).size();
                if (image[0] != groups.groups().size() || groups.groups().stream().anyMatch(g -> g.size() != size)) {
                    throw new IllegalArgumentException("the image encoder reads one concept group per image channel: "
                            + image[0] + " channels for " + groups.groups().size() + " groups of unequal or different size");
                }
            }
        }

        int[][] pairs() {
            return pairwise ? groups.pairs() : new int[0][];
        }
    }

    private static final int C1 = 16;
    private static final int C2 = 32;

    private final Part part;
    private final Spec spec;
    private final boolean interventionInputs;
    private final int[][] pairs;
    private final ParamLayout layout = new ParamLayout();

    ConceptNetwork(Part part, Spec spec, boolean interventionInputs) {
        this.part = part;
        this.spec = spec;
        this.interventionInputs = interventionInputs;
        this.pairs = spec.pairs();
        int k = spec.groups().concepts();
        int m = spec.m();
        if (part != Part.HEAD) {
            long prev = spec.inputs();
            int outPerSlot = k;
            if (spec.image() != null) {
                layout.add("conv1_w", C1, 1, 3, 3).add("conv1_b", C1);
                layout.add("conv2_w", C2, C1, 3, 3).add("conv2_b", C2);
                prev = (long) C2 * (spec.image()[1] / 4) * (spec.image()[2] / 4);
                outPerSlot = spec.groups().groups().get(0).size();
            }
            for (int l = 0; l < spec.hidden().length; l++) {
                layout.add("e_w" + l, spec.hidden()[l], prev).add("e_b" + l, spec.hidden()[l]);
                prev = spec.hidden()[l];
            }
            if (spec.embedding()) {
                layout.add("pos_w", (long) outPerSlot * m, prev).add("pos_b", (long) outPerSlot * m);
                layout.add("neg_w", (long) outPerSlot * m, prev).add("neg_b", (long) outPerSlot * m);
                layout.add("s_w", k, 2L * m).add("s_b", k);
            } else {
                layout.add("c_w", outPerSlot, prev).add("c_b", outPerSlot);
            }
        }
        if (part != Part.ENCODER) {
            layout.add("y_w", spec.classes(), spec.embedding() ? (long) k * m : k + pairs.length).add("y_b", spec.classes());
        }
    }

    Spec spec() {
        return spec;
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        for (ParamLayout.Slot s : layout.slots()) {
            if (s.name().endsWith("_b")) {
                continue;
            }
            long fanIn = s.size() / s.shape().get(0);
            double bound = Math.sqrt(3.0 / fanIn); // uniform with variance 1/fan-in
            for (long i = 0; i < s.size(); i++) {
                p[(int) (s.offset() + i)] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
        }
        return p;
    }

    private static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
    }

    private static NDArray relu(NDArray x) {
        return x.getNDArrayInternal().relu();
    }

    /** Sigmoid per binary concept, softmax per group, on (batch, k) logits. */
    private NDArray activate(NDArray logits) {
        ConceptGroups groups = spec.groups();
        if (groups.allBinary()) {
            return logits.getNDArrayInternal().sigmoid();
        }
        NDList parts = new NDList();
        for (HasConcepts.Group g : groups.groups()) {
            NDArray s = logits.get(new NDIndex(":, {}:{}", g.from(), g.to()));
            parts.add(g.binary() ? s.getNDArrayInternal().sigmoid() : s.softmax(1));
        }
        return NDArrays.concat(parts, 1);
    }

    /** [c | c_i·c_j for each pair] when the head is pairwise, else c. */
    private NDArray withPairs(NDArray c) {
        if (pairs.length == 0) {
            return c;
        }
        int k = spec.groups().concepts();
        float[] si = new float[k * pairs.length];
        float[] sj = new float[k * pairs.length];
        for (int q = 0; q < pairs.length; q++) {
            si[pairs[q][0] * pairs.length + q] = 1f;
            sj[pairs[q][1] * pairs.length + q] = 1f;
        }
        NDManager mg = c.getManager();
        NDArray a = c.matMul(mg.create(si, new Shape(k, pairs.length)));
        NDArray b = c.matMul(mg.create(sj, new Shape(k, pairs.length)));
        return c.concat(a.mul(b), 1);
    }

    /** Channels of the last convolution (the maps Grad-CAM reads). */
    static int lastChannels() {
        return C2;
    }

    /**
     * The image encoder's last convolutional activations, {@code relu(conv2)} before its pooling:
     * (batch · slots, {@link #lastChannels()}, height / 2, width / 2), each slot's image on its own row.
     */
    NDArray lastMaps(Params p, NDArray x) {
        int[] im = spec.image();
        long batch = x.getShape().get(0);
        NDArray h = x.reshape(batch * im[0], 1, im[1], im[2]); // pixels as loaded: the IDX loader scales them to [0, 1]
        Shape one = new Shape(1, 1);
        Shape pad = new Shape(1, 1);
        Shape two = new Shape(2, 2);
        Shape none = new Shape(0, 0);
        h = relu(h.getNDArrayInternal().convolution(h, p.get("conv1_w"), p.get("conv1_b"), one, pad, one, 1).singletonOrThrow());
        h = h.getNDArrayInternal().maxPool(two, two, none, false);
        return relu(h.getNDArrayInternal().convolution(h, p.get("conv2_w"), p.get("conv2_b"), one, pad, one, 1).singletonOrThrow());
    }

    /** The full network's output (concept logits, then class logits) from {@link #lastMaps} of {@code batch} rows. */
    NDArray forwardFromMaps(Params p, NDArray maps, long batch) {
        return fromEncoding(p, encodeFrom(p, poolMaps(maps, batch), batch), null, batch);
    }

    private NDArray poolMaps(NDArray maps, long batch) {
        Shape two = new Shape(2, 2);
        return maps.getNDArrayInternal().maxPool(two, two, new Shape(0, 0), false).reshape(batch * spec.image()[0], -1);
    }

    /** Concept logits (batch, k) and, for cem, positive and negative embeddings (batch, k, m). */
    private NDList encode(Params p, NDArray x) {
        long batch = x.getShape().get(0);
        return encodeFrom(p, spec.image() != null ? poolMaps(lastMaps(p, x), batch) : x, batch);
    }

    /** {@link #encode} from the dense encoder's input: the encoded row, or the pooled maps of each slot. */
    private NDList encodeFrom(Params p, NDArray h, long batch) {
        int k = spec.groups().concepts();
        int m = spec.m();
        for (int l = 0; l < spec.hidden().length; l++) {
            h = relu(linear(h, p.get("e_w" + l), p.get("e_b" + l)));
        }
        // rows of h are (example, slot) pairs; each slot's outputs are its group's concepts, in order
        if (!spec.embedding()) {
            return new NDList(linear(h, p.get("c_w"), p.get("c_b")).reshape(batch, k));
        }
        NDArray pos = relu(linear(h, p.get("pos_w"), p.get("pos_b"))).reshape(batch, k, m);
        NDArray neg = relu(linear(h, p.get("neg_w"), p.get("neg_b"))).reshape(batch, k, m);
        NDArray logits = pos.concat(neg, 2).mul(p.get("s_w")).sum(new int[] {2}).add(p.get("s_b"));
        return new NDList(logits, pos, neg);
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        int k = spec.groups().concepts();
        int m = spec.m();
        if (part == Part.HEAD) {
            return linear(withPairs(x), p.get("y_w"), p.get("y_b"));
        }
        long batch = x.getShape().get(0);
        NDList enc = encode(p, interventionInputs ? x.get(new NDIndex(":, 0:{}", spec.inputs())) : x);
        NDArray logits = enc.get(0);
        if (part == Part.ENCODER) {
            if (!spec.embedding()) {
                return logits;
            }
            return NDArrays.concat(new NDList(logits, enc.get(1).reshape(batch, (long) k * m), enc.get(2).reshape(batch, (long) k * m)), 1);
        }
        return fromEncoding(p, enc, interventionInputs ? x : null, batch);
    }

    /** Concept logits then class logits from the encoder's outputs; {@code x} carries the intervention inputs, or is null. */
    private NDArray fromEncoding(Params p, NDList enc, NDArray x, long batch) {
        int k = spec.groups().concepts();
        int m = spec.m();
        NDArray logits = enc.get(0);
        NDArray probs = activate(logits);
        if (x != null) {
            int in = spec.inputs();
            NDArray truth = x.get(new NDIndex(":, {}:{}", in, in + k));
            NDArray mask = x.get(new NDIndex(":, {}:{}", in + k, in + 2 * k));
            probs = probs.mul(mask.neg().add(1)).add(truth.mul(mask));
        }
        NDArray headIn;
        if (spec.embedding()) {
            NDArray pe = probs.expandDims(2);
            headIn = enc.get(1).mul(pe).add(enc.get(2).mul(pe.neg().add(1))).reshape(batch, (long) k * m);
        } else {
            headIn = withPairs(probs);
        }
        return logits.concat(linear(headIn, p.get("y_w"), p.get("y_b")), 1);
    }

    /** Concept loss: binary cross-entropy per binary concept, cross-entropy per group, averaged over groups. */
    static NDArray conceptLoss(ConceptGroups groups, NDArray logits, NDArray truth) {
        long batch = logits.getShape().get(0);
        float denom = (float) (batch * groups.groups().size());
        if (groups.allBinary()) {
            NDArray softplus = logits.maximum(0).add(logits.abs().neg().exp().add(1).log());
            return softplus.sub(truth.mul(logits)).sum().div(denom);
        }
        List<NDArray> terms = new ArrayList<>();
        for (HasConcepts.Group g : groups.groups()) {
            NDArray z = logits.get(new NDIndex(":, {}:{}", g.from(), g.to()));
            NDArray t = truth.get(new NDIndex(":, {}:{}", g.from(), g.to()));
            if (g.binary()) {
                terms.add(z.maximum(0).add(z.abs().neg().exp().add(1).log()).sub(t.mul(z)).sum());
            } else {
                terms.add(z.logSoftmax(1).mul(t).sum().neg());
            }
        }
        NDArray s = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            s = s.add(terms.get(i));
        }
        return s.div(denom);
    }

    /** Joint objective on targets laid out as [true concepts | one-hot class]: label CE + λ · concept loss. */
    static Objective joint(ConceptGroups groups, int classes, double lambda) {
        int k = groups.concepts();
        return (out, y) -> {
            NDArray cl = out.get(new NDIndex(":, 0:{}", k));
            NDArray yl = out.get(new NDIndex(":, {}:{}", k, k + classes));
            NDArray ct = y.get(new NDIndex(":, 0:{}", k));
            NDArray yt = y.get(new NDIndex(":, {}:{}", k, k + classes));
            NDArray task = Objective.softmaxCrossEntropy().loss(yl, yt);
            return lambda == 0 ? task : task.add(conceptLoss(groups, cl, ct).mul((float) lambda));
        };
    }
}
