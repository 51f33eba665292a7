package org.pellucid.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J input. ND4J is an optional dependency of {@code pellucid-core}: add {@code nd4j-api} and a
 * backend (e.g. {@code nd4j-native}) to use this class; nothing else in Pellucid loads it.
 */
public final class Nd4jData {
    private Nd4jData() {}

    /** A classification dataset from a 2-D feature array and a vector of class indices. */
    public static Dataset fromINDArray(INDArray x, INDArray labels) {
        if (x.rank() != 2) {
            throw new DatasetException("expected a 2-D feature array, got rank " + x.rank());
        }
        double[][] m = x.toDoubleMatrix();
        double[] l = labels.toDoubleVector();
        int[] y = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != Math.rint(l[i]) || l[i] < 0) {
                throw new DatasetException("label " + l[i] + " at row " + i + " is not a class index");
            }
            y[i] = (int) l[i];
        }
        return DataAdapters.fromMatrix(m, y);
    }
}
