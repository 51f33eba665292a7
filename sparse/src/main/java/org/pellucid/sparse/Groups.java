package org.pellucid.sparse;

import org.pellucid.core.encode.FeatureEncoder;

/**
 * The encoded inputs of each user column: a column enters or leaves a sparse model as a whole (all
 * its one-hot indicators together), so penalties and proximal steps work on these groups.
 */
public record Groups(int[][] inputs, int width) {

    public static Groups of(FeatureEncoder enc) {
        int p = enc.schema().featureCount();
        int[][] g = new int[p][];
        for (int j = 0; j < p; j++) {
            g[j] = new int[enc.width(j)];
            for (int k = 0; k < g[j].length; k++) {
                g[j][k] = enc.offset(j) + k;
            }
        }
        return new Groups(g, enc.width());
    }

    public int count() {
        return inputs.length;
    }
}
