package org.pellucid.baselines;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.Jsons;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.TreeEnsemble;

/**
 * A tree ensemble black box: a random forest (class distributions averaged over trees) or gradient
 * boosting (per-class scores summed over rounds, then softmax). Trees are Pellucid's own
 * {@link DecisionTree}s over raw-valued encoded inputs, so the model saves as JSON like every other.
 */
public final class EnsembleModel extends EncodedModel implements Savable, TreeEnsemble {
    /** How the trees' outputs combine. */

    private final TreeEnsemble.Combination combination;
    private final DecisionTree[][] trees; // [round][class] for SUM_SCORES; [tree][0] for AVERAGE
    private final double[] init;

    public EnsembleModel(String kind, FeatureEncoder encoder, TreeEnsemble.Combination combination, DecisionTree[][] trees, double[] init,
                         Provenance provenance) {
        super(kind, encoder, provenance);
        this.combination = combination;
        this.trees = trees;
        this.init = init;
        if (trees.length == 0) {
            throw new IllegalArgumentException("an ensemble needs at least one tree");
        }
    }

    public int size() {
        return trees.length;
    }

    public TreeEnsemble.Combination combination() {
        return combination;
    }

    /** The trees: [tree][0] for averaged forests, [round][class score] for boosting. */
    public DecisionTree[] round(int r) {
        return trees[r].clone();
    }

    /** Boosting's initial scores (empty for forests). */
    public double[] init() {
        return init == null ? new double[0] : init.clone();
    }

    @Override
    public Prediction predict(Instance x) {
        return predictEncoded(encoder.encode(x));
    }

    Prediction predictEncoded(double[] z) {
        int k = schema().classes().size();
        double[] p;
        if (combination == TreeEnsemble.Combination.AVERAGE_DISTRIBUTIONS) {
            p = new double[k];
            for (DecisionTree[] t : trees) {
                double[] v = t[0].predict(z);
                for (int c = 0; c < k; c++) {
                    p[c] += v[c] / trees.length;
                }
            }
        } else {
            double[] s = init.clone();
            for (DecisionTree[] round : trees) {
                for (int c = 0; c < round.length; c++) {
                    s[c] += round[c].predict(z)[0];
                }
            }
            p = scoresToProbabilities(s, k);
        }
        return Prediction.ofProbabilities(p, schema().classes());
    }

    /** Binary boosting keeps one score (log-odds of the second class); multiclass one per class. */
    static double[] scoresToProbabilities(double[] s, int k) {
        if (s.length == 1) {
            double p1 = 1 / (1 + Math.exp(-s[0]));
            return new double[] {1 - p1, p1};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(s[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        out.put("combination", combination.name());
        out.put("init", Jsons.array(init));
        JsonArray rounds = new JsonArray();
        for (DecisionTree[] r : trees) {
            JsonArray a = new JsonArray();
            for (DecisionTree t : r) {
                a.add(t.toJson());
            }
            rounds.add(a);
        }
        out.put("trees", rounds);
    }

    static EnsembleModel read(String kind, ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        JsonArray rounds = in.get("trees").getAsJsonArray();
        List<DecisionTree[]> trees = new ArrayList<>();
        for (var r : rounds) {
            JsonArray a = r.getAsJsonArray();
            DecisionTree[] round = new DecisionTree[a.size()];
            for (int c = 0; c < round.length; c++) {
                round[c] = DecisionTree.fromJson(a.get(c).getAsJsonObject());
            }
            trees.add(round);
        }
        return new EnsembleModel(kind, enc, TreeEnsemble.Combination.valueOf(in.getString("combination")), trees.toArray(new DecisionTree[0][]),
                Jsons.doubles(in.get("init").getAsJsonArray()), in.provenance());
    }
}
