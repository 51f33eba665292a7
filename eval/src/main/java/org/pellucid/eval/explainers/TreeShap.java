package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.TreeEnsemble;
import org.pellucid.core.tree.TreeShapley;

/**
 * Exact path-dependent TreeSHAP for Pellucid's tree ensembles: {@link TreeShapley} tree by tree
 * (Lundberg, Erion &amp; Lee 2018, Algorithm 2), the user's columns as players.
 *
 * <p>It explains the ensemble's additive output: the averaged class probability of a forest, and
 * the boosting score of a gradient-boosted model — the log-odds of the target class for binary
 * tasks, the class score (softmax logit) for multiclass ones. The attributions sum exactly to that
 * output minus the expected output.
 */
public final class TreeShap implements Explainer {

    @Override
    public String name() {
        return "tree-shap";
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        if (!(model instanceof TreeEnsemble e)) {
            throw new UnsupportedExplainerException("tree-shap explains the tree ensembles rf and gbm; " + describe(model)
                    + " is not one — use kernel-shap or lime");
        }
        FeatureEncoder enc = e.encoder();
        double[] z = enc.encode(x);
        int p = x.size();
        int[] column = TreeShapley.columns(enc, p);
        double[] phi = new double[p];
        double expected = 0;
        double out = 0;
        String target;
        String cls = x.schema().classes().get(targetClass);
        if (e.combination() == TreeEnsemble.Combination.AVERAGE_DISTRIBUTIONS) {
            double scale = 1.0 / e.size();
            for (int t = 0; t < e.size(); t++) {
                DecisionTree tree = e.round(t)[0];
                expected += TreeShapley.accumulate(tree, z, column, targetClass, scale, phi);
                out += scale * tree.predict(z)[targetClass];
            }
            target = "P(" + cls + ")";
        } else {
            double[] init = e.init();
            boolean binary = init.length == 1;
            int slot = binary ? 0 : targetClass;
            double sign = binary && targetClass == 0 ? -1 : 1;
            expected = sign * init[slot];
            out = expected;
            for (int t = 0; t < e.size(); t++) {
                DecisionTree tree = e.round(t)[slot];
                expected += TreeShapley.accumulate(tree, z, column, 0, sign, phi);
                out += sign * tree.predict(z)[0];
            }
            target = binary ? "log-odds(" + cls + ")" : "score(" + cls + ")";
        }
        List<Contribution> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), phi[j]));
        }
        return new FeatureAttribution(cs, expected, out, target, name());
    }

    private static String describe(Predictor model) {
        return model instanceof Model m ? m.kind() : "this predictor";
    }
}
