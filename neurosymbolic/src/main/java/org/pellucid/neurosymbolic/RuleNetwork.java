package org.pellucid.neurosymbolic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;
import org.pellucid.core.train.StepHook;

/**
 * A rule layer in the spirit of the Rule-based Representation Learner (Wang et al., NeurIPS 2021):
 * binary literals in, {@code c} conjunction and {@code d} disjunction nodes, a linear output.
 * Node weights w ∈ [0, 1] say how much a literal belongs to a node. On 0/1 inputs the soft nodes
 * are RRL's logical activations in their improved, non-vanishing form, one matrix product each:
 * with {@code S = Σ_j log(1 − w_ij (1 − x_j))}, {@code conj_i = 1 / (1 − S)} instead of the
 * product {@code exp(S)}, and {@code disj_i = 1 − 1 / (1 − Σ_j log(1 − w_ij x_j))} — the same
 * crisp meaning, but a rule with many false literals still gets a usable gradient;
 * and the crisp nodes use w̄ = [w &gt; 0.5]: a conjunction fires when none of its literals is false,
 * a disjunction when one is true.
 *
 * <p>Gradient grafting: the layer passes {@code soft + stopGradient(crisp − soft)} to the output
 * layer, so the loss is that of the crisp rules while the gradient flows through the soft nodes —
 * RRL's grafting, applied at the rule layer, which makes the trained crisp rule set the model that
 * was optimised rather than an afterthought. A sparsity penalty λ·mean(w) keeps rules short; the
 * network appends it as the last output column so the objective can add it.
 */
final class RuleNetwork implements Network {
    private static final float EPS = 1e-6f;
    /** Expected literals per node above 0.5 at the start, and the range of the others. */
    private static final double DENSITY = 3;
    private static final double SPREAD = 0.2;
    private final int literals;
    private final int conj;
    private final int disj;
    private final int classes;
    private final ParamLayout layout = new ParamLayout();
    private final float[] init;

    RuleNetwork(int literals, int conj, int disj, int classes, float[] init) {
        this.literals = literals;
        this.conj = conj;
        this.disj = disj;
        this.classes = classes;
        this.init = init;
        layout.add("conj_w", conj, literals);
        if (disj > 0) {
            layout.add("disj_w", disj, literals);
        }
        layout.add("out_w", classes, conj + disj).add("out_b", classes);
    }

    int nodes() {
        return conj + disj;
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        for (ParamLayout.Slot s : layout.slots()) {
            int off = (int) s.offset();
            for (int i = 0; i < s.size(); i++) {
                if (s.name().endsWith("_w") && !s.name().equals("out_w")) {
                    // a few literals per node start above 0.5, the rest low: short rules to begin with
                    p[off + i] = (float) (rnd.nextDouble() < DENSITY / literals ? 0.5 + 0.3 * rnd.nextDouble() : SPREAD * rnd.nextDouble());
                } else if (s.name().equals("out_w")) {
                    p[off + i] = (float) (0.1 * rnd.nextGaussian());
                }
            }
        }
        if (init != null) {
            for (int i = 0; i < p.length; i++) {
                if (!Float.isNaN(init[i])) {
                    p[i] = init[i];
                }
            }
        }
        return p;
    }

    /** Rule activations (batch, nodes) as they reach the output: crisp values, soft gradients. */
    NDArray activations(Params p, NDArray x) {
        NDArray notX = x.neg().add(1f);
        NDArray w = p.get("conj_w").clip(0f, 1f);
        NDArray soft = conjSoft(notX, w);
        NDArray crisp = notX.matMul(w.gt(0.5f).toType(DataType.FLOAT32, false).transpose()).eq(0f).toType(DataType.FLOAT32, false);
        NDArray h = soft.add(crisp.sub(soft).stopGradient());
        if (disj > 0) {
            NDArray wd = p.get("disj_w").clip(0f, 1f);
            NDArray dsoft = disjSoft(x, wd);
            NDArray dcrisp = x.matMul(wd.gt(0.5f).toType(DataType.FLOAT32, false).transpose()).gt(0f).toType(DataType.FLOAT32, false);
            h = h.concat(dsoft.add(dcrisp.sub(dsoft).stopGradient()), 1);
        }
        return h;
    }

    /** 1 / (1 − Σ_j (1 − x_j) log(1 − w_ij)): 1 when no selected literal is false, decaying slowly otherwise. */
    private static NDArray conjSoft(NDArray notX, NDArray w) {
        return notX.matMul(w.neg().add(1f + EPS).log().transpose()).neg().add(1f).pow(-1f);
    }

    /** 1 − 1 / (1 − Σ_j x_j log(1 − w_ij)): 0 when no selected literal holds. */
    private static NDArray disjSoft(NDArray x, NDArray w) {
        return x.matMul(w.neg().add(1f + EPS).log().transpose()).neg().add(1f).pow(-1f).neg().add(1f);
    }

    /** Soft-only activations, for the soft/crisp gap. */
    NDArray softActivations(Params p, NDArray x) {
        NDArray w = p.get("conj_w").clip(0f, 1f);
        NDArray h = conjSoft(x.neg().add(1f), w);
        if (disj > 0) {
            h = h.concat(disjSoft(x, p.get("disj_w").clip(0f, 1f)), 1);
        }
        return h;
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        NDArray h = activations(p, x);
        NDArray logits = h.getNDArrayInternal().linear(h, p.get("out_w"), p.get("out_b")).singletonOrThrow();
        NDArray penalty = p.get("conj_w").clip(0f, 1f).mean();
        if (disj > 0) {
            penalty = penalty.add(p.get("disj_w").clip(0f, 1f).mean());
        }
        long batch = x.getShape().get(0);
        return logits.concat(penalty.reshape(1, 1).broadcast(new Shape(batch, 1)), 1);
    }

    /**
     * Cross-entropy of the class logits, each class weighted by {@code classWeights} (null: all 1),
     * plus λ times the sparsity column.
     */
    Objective objective(double lambda, float[] classWeights) {
        return (out, y) -> {
            NDArray logits = out.get(new NDIndex(":, 0:{}", classes));
            NDArray pen = out.get(new NDIndex("0, {}", classes));
            NDArray target = classWeights == null ? y : y.mul(y.getManager().create(classWeights));
            return Objective.softmaxCrossEntropy().loss(logits, target).add(pen.mul((float) lambda));
        };
    }

    /** Keeps node weights in [0, 1] and frozen (injected) entries at their values after every step. */
    StepHook constraints(float[] frozen) {
        return (flat, lay, step) -> {
            NDArray data = flat.stopGradient();
            for (String name : disj > 0 ? new String[] {"conj_w", "disj_w"} : new String[] {"conj_w"}) {
                ParamLayout.Slot s = lay.slot(name);
                NDArray v = data.get(new NDIndex().addSliceDim(s.offset(), s.offset() + s.size()));
                NDArray c = v.clip(0f, 1f);
                v.muli(0).addi(c);
                c.close();
            }
            if (frozen != null) {
                float[] all = data.toFloatArray();
                boolean changed = false;
                for (int i = 0; i < frozen.length; i++) {
                    if (!Float.isNaN(frozen[i]) && all[i] != frozen[i]) {
                        all[i] = frozen[i];
                        changed = true;
                    }
                }
                if (changed) {
                    NDArray src = data.getManager().create(all);
                    data.muli(0).addi(src);
                    src.close();
                }
            }
        };
    }

    int classes() {
        return classes;
    }
}
