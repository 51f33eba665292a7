package org.pellucid.bottleneck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * The DJL network behind both concept models, or one of its two halves.
 *
 * <p>Encoder: encoded input → ReLU hidden layers → concept logits. For a bottleneck model
 * ({@code cbm}, Koh et al., ICML 2020) the logits come from a linear layer and the head reads the
 * concept probabilities. For a concept embedding model ({@code cem}, Espinosa Zarlenga et al.,
 * NeurIPS 2022) each concept i has a positive and a negative embedding
 * {@code c±_i = ReLU(W±_i h + b±_i)} of size m, its probability is scored from both,
 * {@code p_i = σ(s_i·[c+_i; c−_i] + t_i)}, and the head reads the mixtures
 * {@code p_i c+_i + (1 − p_i) c−_i}. Binary concepts take a sigmoid, categorical groups a softmax.
 *
 * <p>Head: a linear layer to the class logits. Output of the full network: concept logits, then
 * class logits. When {@code interventionInputs} is set the input row also carries the true concepts
 * and a 0/1 mask after the encoded features, and masked concepts are replaced by their true values
 * before the head — RandInt training (CEM paper, §4) uses this so that interventions help.
 */
final class ConceptNetwork implements Network {
    enum Part { FULL, ENCODER, HEAD }

    private final Part part;
    private final boolean embedding;
    private final int inputs;
    private final int[] hidden;
    private final ConceptGroups groups;
    private final int m;
    private final int classes;
    private final boolean interventionInputs;
    private final boolean pairwise;
    private final int[][] pairs;
    private final ParamLayout layout = new ParamLayout();

    ConceptNetwork(Part part, boolean embedding, int inputs, int[] hidden, ConceptGroups groups, int m, int classes,
                   boolean interventionInputs, boolean pairwise) {
        this.pairwise = pairwise && !embedding;
        this.pairs = this.pairwise ? groups.pairs() : new int[0][];
        this.part = part;
        this.embedding = embedding;
        this.inputs = inputs;
        this.hidden = hidden.clone();
        this.groups = groups;
        this.m = m;
        this.classes = classes;
        this.interventionInputs = interventionInputs;
        int k = groups.concepts();
        if (part != Part.HEAD) {
            int prev = inputs;
            for (int l = 0; l < hidden.length; l++) {
                layout.add("e_w" + l, hidden[l], prev).add("e_b" + l, hidden[l]);
                prev = hidden[l];
            }
            if (embedding) {
                layout.add("pos_w", (long) k * m, prev).add("pos_b", (long) k * m);
                layout.add("neg_w", (long) k * m, prev).add("neg_b", (long) k * m);
                layout.add("s_w", k, 2L * m).add("s_b", k);
            } else {
                layout.add("c_w", k, prev).add("c_b", k);
            }
        }
        if (part != Part.ENCODER) {
            layout.add("y_w", classes, embedding ? (long) k * m : k + pairs.length).add("y_b", classes);
        }
    }

    static ConceptNetwork full(boolean embedding, int inputs, int[] hidden, ConceptGroups g, int m, int classes, boolean randInt,
                               boolean pairwise) {
        return new ConceptNetwork(Part.FULL, embedding, inputs, hidden, g, m, classes, randInt, pairwise);
    }

    /** [c | c_i·c_j for each pair] when the head is pairwise, else c. */
    private NDArray withPairs(NDArray c) {
        if (!pairwise || pairs.length == 0) {
            return c;
        }
        int k = groups.concepts();
        float[] si = new float[k * pairs.length];
        float[] sj = new float[k * pairs.length];
        for (int q = 0; q < pairs.length; q++) {
            si[pairs[q][0] * pairs.length + q] = 1f;
            sj[pairs[q][1] * pairs.length + q] = 1f;
        }
        ai.djl.ndarray.NDManager mg = c.getManager();
        NDArray a = c.matMul(mg.create(si, new ai.djl.ndarray.types.Shape(k, pairs.length)));
        NDArray b = c.matMul(mg.create(sj, new ai.djl.ndarray.types.Shape(k, pairs.length)));
        return c.concat(a.mul(b), 1);
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        for (ParamLayout.Slot s : layout.slots()) {
            if (s.name().contains("_b")) {
                continue;
            }
            long fanIn = s.shape().get(1);
            double bound = Math.sqrt(6.0 / fanIn) / Math.sqrt(2); // He-uniform for ReLU layers, halved variance
            for (long i = 0; i < s.size(); i++) {
                p[(int) (s.offset() + i)] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
        }
        return p;
    }

    private static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
    }

    /** Sigmoid per binary concept, softmax per group, on (batch, k) logits. */
    private NDArray activate(NDArray logits) {
        if (groups.allBinary()) {
            return logits.getNDArrayInternal().sigmoid();
        }
        NDList parts = new NDList();
        for (ConceptGroups.Group g : groups.groups()) {
            NDArray s = logits.get(new NDIndex(":, {}:{}", g.from(), g.to()));
            parts.add(g.binary() ? s.getNDArrayInternal().sigmoid() : s.softmax(1));
        }
        return NDArrays.concat(parts, 1);
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        int k = groups.concepts();
        if (part == Part.HEAD) {
            return linear(withPairs(x), p.get("y_w"), p.get("y_b"));
        }
        NDArray h = interventionInputs ? x.get(new NDIndex(":, 0:{}", inputs)) : x;
        for (int l = 0; l < hidden.length; l++) {
            h = linear(h, p.get("e_w" + l), p.get("e_b" + l)).getNDArrayInternal().relu();
        }
        NDArray logits;
        NDArray pos = null;
        NDArray neg = null;
        long batch = x.getShape().get(0);
        if (embedding) {
            pos = linear(h, p.get("pos_w"), p.get("pos_b")).getNDArrayInternal().relu().reshape(batch, k, m);
            neg = linear(h, p.get("neg_w"), p.get("neg_b")).getNDArrayInternal().relu().reshape(batch, k, m);
            NDArray both = pos.concat(neg, 2);
            logits = both.mul(p.get("s_w")).sum(new int[] {2}).add(p.get("s_b"));
        } else {
            logits = linear(h, p.get("c_w"), p.get("c_b"));
        }
        if (part == Part.ENCODER) {
            return logits;
        }
        NDArray probs = activate(logits);
        if (interventionInputs) {
            NDArray truth = x.get(new NDIndex(":, {}:{}", inputs, inputs + k));
            NDArray mask = x.get(new NDIndex(":, {}:{}", inputs + k, inputs + 2 * k));
            probs = probs.mul(mask.neg().add(1)).add(truth.mul(mask));
        }
        NDArray headIn;
        if (embedding) {
            NDArray pe = probs.expandDims(2);
            headIn = pos.mul(pe).add(neg.mul(pe.neg().add(1))).reshape(batch, (long) k * m);
        } else {
            headIn = withPairs(probs);
        }
        return logits.concat(linear(headIn, p.get("y_w"), p.get("y_b")), 1);
    }

    /** Concept loss: binary cross-entropy per binary concept, cross-entropy per group, averaged over groups. */
    static NDArray conceptLoss(ConceptGroups groups, NDArray logits, NDArray truth) {
        List<NDArray> terms = new ArrayList<>();
        long batch = logits.getShape().get(0);
        if (groups.allBinary()) {
            NDArray softplus = logits.maximum(0).add(logits.abs().neg().exp().add(1).log());
            return softplus.sub(truth.mul(logits)).sum().div((float) (batch * groups.groups().size()));
        }
        for (ConceptGroups.Group g : groups.groups()) {
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
        return s.div((float) (batch * groups.groups().size()));
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
