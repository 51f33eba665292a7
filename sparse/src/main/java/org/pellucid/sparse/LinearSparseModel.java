package org.pellucid.sparse;

import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.train.ParamLayout;

/**
 * A LassoNet whose hidden layer receives nothing: the model is its linear skip path plus a constant,
 * and that linear formula, run on its own, is the model.
 */
public final class LinearSparseModel extends SparseModel implements Simulatable {

    LinearSparseModel(SparseModel m) {
        super(m.kind(), m.encoder(), m.network, m.params, m.path(), m.provenance());
    }

    @Override
    public Predictor asExecutable() {
        ParamLayout.Slot ts = network.layout().slot("theta");
        int in = encoder.width();
        int k = (int) (ts.size() / in);
        double[] constant = logits(new double[in]); // the hidden layers see nothing: a constant
        double[][] theta = new double[k][in];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < in; c++) {
                theta[r][c] = params[(int) ts.offset() + r * in + c];
            }
        }
        return new Predictor() {
            @Override
            public Schema schema() {
                return LinearSparseModel.this.schema();
            }

            @Override
            public Prediction predict(Instance x) {
                double[] z = encoder.encode(x);
                double[] o = constant.clone();
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < in; c++) {
                        o[r] += theta[r][c] * z[c];
                    }
                }
                return toPrediction(o);
            }
        };
    }
}
