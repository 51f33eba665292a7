package org.pellucid.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Random;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * A small pre-norm transformer encoder over input tokens, written with DJL NDArray operations so
 * that its attention weights are kept: DJL's own attention block computes and drops them.
 *
 * <p>Tokens: the encoded input row is split into groups of encoded inputs — a column's inputs for
 * tabular data (a standardised number, or a category's one-hot indicators), a patch's pixels for
 * images — and each group is mapped linearly to a d-dimensional token with its own weights and bias,
 * as FT-Transformer's feature tokenizer does (Gorishniy et al., NeurIPS 2021); for image patches the
 * per-patch weights also play the role of ViT's position embedding. A learned [CLS] token is
 * prepended. Each layer: {@code h = h + MHA(LN(h))}, {@code h = h + FFN(LN(h))}, with a ReLU FFN
 * of width 2d; the class logits come from the final-normalised [CLS] output.
 *
 * <p>Attention of layer l is {@code softmax(QKᵀ/√d_h)} per head; {@link #forwardWithAttention}
 * multiplies it by a gate of ones so that the gradient of an output with respect to the gate is
 * exactly {@code ∇A ⊙ A}, what gradient-weighted rollout needs.
 */
final class AttentionNetwork implements Network {
    private final int inputs;
    private final int[] tokenOf;
    private final int tokens;
    private final int d;
    private final int heads;
    private final int layers;
    private final int classes;
    private final ParamLayout layout = new ParamLayout();
    private final float[] assignment;

    private final int weightRows;
    private final float[] sharing;

    /**
     * @param weightOf the row of the token weights each encoded input uses: its own row for
     *     columns; its position within the patch for images, so patches share one projection
     */
    private final int vocab;

    AttentionNetwork(int inputs, TokenLayout layout, int d, int heads, int layers, int classes) {
        this(inputs, layout.tokenOf(), layout.weightOf(), layout.count(), d, heads, layers, classes,
                layout.vocabulary() == null ? 0 : layout.vocabulary().size());
    }

    AttentionNetwork(int inputs, int[] tokenOf, int[] weightOf, int tokens, int d, int heads, int layers, int classes, int vocab) {
        if (d % heads != 0) {
            throw new IllegalArgumentException("the model width " + d + " must be a multiple of the head count " + heads);
        }
        this.vocab = vocab;
        this.inputs = inputs;
        this.tokenOf = tokenOf.clone();
        this.tokens = tokens;
        this.d = d;
        this.heads = heads;
        this.layers = layers;
        this.classes = classes;
        assignment = new float[tokens * inputs];
        for (int e = 0; e < inputs; e++) {
            assignment[tokenOf[e] * inputs + e] = 1f;
        }
        int rows = 0;
        for (int w : weightOf) {
            rows = Math.max(rows, w + 1);
        }
        this.weightRows = rows;
        boolean identity = rows == inputs;
        for (int e = 0; e < inputs && identity; e++) {
            identity = weightOf[e] == e;
        }
        if (identity) {
            sharing = null;
        } else {
            sharing = new float[inputs * rows];
            for (int e = 0; e < inputs; e++) {
                sharing[e * rows + weightOf[e]] = 1f;
            }
        }
        if (vocab > 0) {
            layout.add("emb", vocab, d).add("pos", tokens, d).add("cls", d);
        } else {
            layout.add("tok_w", rows, d).add("tok_b", tokens, d).add("cls", d);
        }
        for (int l = 0; l < layers; l++) {
            layout.add("ln1_g" + l, d).add("ln1_b" + l, d);
            layout.add("q_w" + l, d, d).add("q_b" + l, d).add("k_w" + l, d, d).add("k_b" + l, d);
            layout.add("v_w" + l, d, d).add("v_b" + l, d).add("o_w" + l, d, d).add("o_b" + l, d);
            layout.add("ln2_g" + l, d).add("ln2_b" + l, d);
            layout.add("f1_w" + l, 2L * d, d).add("f1_b" + l, 2L * d).add("f2_w" + l, d, 2L * d).add("f2_b" + l, d);
        }
        layout.add("lnf_g", d).add("lnf_b", d).add("out_w", classes, d).add("out_b", classes);
    }

    int tokens() {
        return tokens;
    }

    int layers() {
        return layers;
    }

    int heads() {
        return heads;
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        for (ParamLayout.Slot s : layout.slots()) {
            String n = s.name();
            int off = (int) s.offset();
            if (n.startsWith("ln") && n.contains("_g")) {
                for (int i = 0; i < s.size(); i++) {
                    p[off + i] = 1f;
                }
            } else if (n.equals("cls") || n.equals("tok_b") || n.equals("emb") || n.equals("pos")) {
                for (int i = 0; i < s.size(); i++) {
                    p[off + i] = (float) (0.1 * rnd.nextGaussian());
                }
            } else if (n.contains("_w")) {
                long fanIn = n.equals("tok_w") ? 1 : s.shape().get(1);
                double bound = Math.sqrt(3.0 / fanIn) * (n.equals("tok_w") ? 0.5 : 1);
                for (int i = 0; i < s.size(); i++) {
                    p[off + i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
                }
            }
        }
        return p;
    }

    private static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
    }

    private NDArray norm(NDArray x, NDArray g, NDArray b) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(d), g, b, 1e-5f).singletonOrThrow();
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        return run(p, x, null).get(0);
    }

    /**
     * Logits, then each layer's attention (batch, heads, T, T), T = tokens + 1 with [CLS] first.
     * With {@code gates} (one (batch, heads, T, T) array of ones per layer) the attention is
     * multiplied by them, so their gradients are ∇A ⊙ A.
     */
    NDList forwardWithAttention(Params p, NDArray x, NDList gates) {
        return run(p, x, gates);
    }

    private NDList run(Params p, NDArray x, NDList gates) {
        long batch = x.getShape().get(0);
        int t = tokens + 1;
        int dh = d / heads;
        NDArray tok;
        NDArray keyMask = null;
        if (vocab > 0) {
            // token ids as numbers, −1 for padding: embeddings plus positions, padded keys masked out
            NDArray pad = x.lt(0f).toType(DataType.FLOAT32, false);
            NDArray idx = x.maximum(0f).toType(DataType.INT64, false);
            tok = idx.getNDArrayInternal().embedding(idx, p.get("emb"), SparseFormat.DENSE)
                    .singletonOrThrow().add(p.get("pos"));
            keyMask = x.getManager().zeros(new Shape(batch, 1)).concat(pad, 1).mul(-1e9f).reshape(batch, 1, 1, t);
        } else {
            NDArray g = x.getManager().create(assignment, new Shape(tokens, inputs));
            NDArray w = sharing == null ? p.get("tok_w")
                    : x.getManager().create(sharing, new Shape(inputs, weightRows)).matMul(p.get("tok_w")); // (E, d)
            NDArray per = x.expandDims(2).mul(w); // (B, E, d)
            tok = g.matMul(per).add(p.get("tok_b")); // (B, P, d)
        }
        NDArray cls = p.get("cls").reshape(1, 1, d).broadcast(new Shape(batch, 1, d));
        NDArray h = cls.concat(tok, 1); // (B, T, d)
        NDList out = new NDList();
        out.add(null);
        float scale = (float) (1 / Math.sqrt(dh));
        for (int l = 0; l < layers; l++) {
            NDArray z = norm(h, p.get("ln1_g" + l), p.get("ln1_b" + l));
            NDArray q = linear(z, p.get("q_w" + l), p.get("q_b" + l)).reshape(batch, t, heads, dh).transpose(0, 2, 1, 3);
            NDArray k = linear(z, p.get("k_w" + l), p.get("k_b" + l)).reshape(batch, t, heads, dh).transpose(0, 2, 1, 3);
            NDArray v = linear(z, p.get("v_w" + l), p.get("v_b" + l)).reshape(batch, t, heads, dh).transpose(0, 2, 1, 3);
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
            NDArray a = (keyMask == null ? scores : scores.add(keyMask)).softmax(3); // (B, H, T, T)
            NDArray used = gates == null ? a : a.mul(gates.get(l));
            out.add(a);
            NDArray ctx = used.matMul(v).transpose(0, 2, 1, 3).reshape(batch, t, d);
            h = h.add(linear(ctx, p.get("o_w" + l), p.get("o_b" + l)));
            NDArray z2 = norm(h, p.get("ln2_g" + l), p.get("ln2_b" + l));
            NDArray f = linear(linear(z2, p.get("f1_w" + l), p.get("f1_b" + l)).getNDArrayInternal().relu(),
                    p.get("f2_w" + l), p.get("f2_b" + l));
            h = h.add(f);
        }
        NDArray c = norm(h.get(new NDIndex(":, 0, :")), p.get("lnf_g"), p.get("lnf_b"));
        out.set(0, linear(c, p.get("out_w"), p.get("out_b")));
        return out;
    }
}
