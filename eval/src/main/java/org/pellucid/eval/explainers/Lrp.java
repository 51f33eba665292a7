package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.MlpModel;
import org.pellucid.eval.concepts.MlpLayers;

/**
 * Layer-wise relevance propagation (Bach et al., "On pixel-wise explanations for non-linear classifier
 * decisions by layer-wise relevance propagation", PLoS ONE 2015; rules as in Montavon et al.,
 * "Methods for interpreting and understanding deep neural networks", DSP 2018) for Pellucid's ReLU
 * MLPs. The target class's logit is the relevance at the output; each layer hands a neuron's
 * relevance to its inputs in proportion to their contributions:
 * <ul>
 *   <li>{@code lrp} (LRP-ε): {@code R_j = Σ_k a_j w_kj / (z_k + ε·sign(z_k)) · R_k} on every layer, the
 *       bias taking its own share {@code b_k / (z_k + ε·sign(z_k)) · R_k};</li>
 *   <li>{@code lrp-zplus}: z⁺ ({@code R_j = Σ_k a_j w⁺_kj / Σ_j a_j w⁺_kj · R_k}) between layers whose
 *       inputs are ReLU activations (non-negative), LRP-ε on the first layer, whose standardised
 *       inputs can be negative.</li>
 * </ul>
 * Relevance is conserved: the biases' shares are the attribution's baseline, so baseline + Σ input
 * relevances = the logit, up to what ε and dead z⁺ neurons absorb, which the completeness gap
 * reports. Encoded inputs of one column (one-hot indicators) are summed into that column.
 */
public final class Lrp implements Explainer {
    /** The propagation rule. */
    public enum Rule { EPSILON, ZPLUS }

    private final Rule rule;
    private final double epsilon;

    public Lrp(Rule rule, double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        this.rule = rule;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return rule == Rule.EPSILON ? "lrp" : "lrp-zplus";
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        if (!(model instanceof MlpModel m)) {
            throw new UnsupportedExplainerException("LRP propagates through the layers of Pellucid's mlp; "
                    + (model instanceof Model mm ? mm.kind() : "this predictor") + " is not one — use ig or kernel-shap");
        }
        FeatureEncoder enc = m.encoder();
        MlpLayers net = new MlpLayers(m);
        MlpLayers.Pass pass = net.forward(x);
        double[][] a = pass.a();
        double[][] z = pass.z();
        int layers = net.weightLayers();
        int target = model.schema().isClassification() && net.width(layers) > 1 ? targetClass : 0;
        double[] r = new double[net.width(layers)];
        r[target] = z[layers][target];
        double biasRelevance = 0;
        for (int l = layers - 1; l >= 0; l--) {
            double[] below = new double[net.width(l)];
            boolean zplus = rule == Rule.ZPLUS && l > 0;
            for (int k = 0; k < net.width(l + 1); k++) {
                if (r[k] == 0) {
                    continue;
                }
                if (zplus) {
                    double denom = 0;
                    for (int j = 0; j < net.width(l); j++) {
                        denom += a[l][j] * Math.max(0, net.weight(l, k, j));
                    }
                    if (denom <= 0) {
                        continue; // no positive input: this neuron's relevance is absorbed (the gap shows it)
                    }
                    for (int j = 0; j < net.width(l); j++) {
                        below[j] += a[l][j] * Math.max(0, net.weight(l, k, j)) / denom * r[k];
                    }
                } else {
                    double zk = z[l + 1][k];
                    double denom = zk + epsilon * (zk >= 0 ? 1 : -1);
                    for (int j = 0; j < net.width(l); j++) {
                        below[j] += a[l][j] * net.weight(l, k, j) / denom * r[k];
                    }
                    biasRelevance += net.bias(l, k) / denom * r[k];
                }
            }
            r = below;
        }
        int cols = x.size();
        double[] phi = new double[cols];
        for (int j = 0; j < cols; j++) {
            for (int k = enc.offset(j); k < enc.offset(j) + enc.width(j); k++) {
                phi[j] += r[k];
            }
        }
        List<Contribution> cs = new ArrayList<>(cols);
        for (int j = 0; j < cols; j++) {
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), phi[j]));
        }
        String cls = model.schema().isClassification() ? model.schema().classes().get(targetClass) : model.schema().target().name();
        return new FeatureAttribution(cs, biasRelevance, z[layers][target], "logit(" + cls + ")",
                name() + " (ε=" + epsilon + ")");
    }
}
