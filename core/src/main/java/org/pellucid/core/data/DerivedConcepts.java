package org.pellucid.core.data;

import java.util.List;

/**
 * Concepts computed from a dataset's own columns, for concept models on real data.
 *
 * <p>Tic-tac-toe: the eight lines x owns on the final board (3 rows, 3 columns, 2 diagonals). The
 * UCI label "positive" means x has won, i.e. owns at least one line, so the concepts are complete
 * for the task: a head that reads the true concepts can be exact. When a square is not an input
 * column (say, it was chosen as the target) the data is returned without concepts.
 */
public final class DerivedConcepts {
    /** Squares are columns "1".."9" in row-major order. */
    public static final List<String> TIC_TAC_TOE = List.of("x_owns_top_row", "x_owns_middle_row", "x_owns_bottom_row",
            "x_owns_left_column", "x_owns_middle_column", "x_owns_right_column", "x_owns_main_diagonal", "x_owns_anti_diagonal");
    private static final int[][] LINES = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {1, 4, 7}, {2, 5, 8}, {3, 6, 9}, {1, 5, 9}, {3, 5, 7}};

    private DerivedConcepts() {}

    public static Dataset ticTacToe(Dataset d) {
        Schema s = d.schema();
        int[] col = new int[10];
        int[] xIndex = new int[10];
        for (int q = 1; q <= 9; q++) {
            col[q] = s.indexOf(String.valueOf(q));
            if (col[q] < 0) {
                return d; // a square is the target (or absent): the board is not the input, so no board concepts
            }
            xIndex[q] = s.feature(col[q]).categoryIndex("x");
        }
        double[][] c = new double[d.size()][LINES.length];
        for (int i = 0; i < d.size(); i++) {
            double[] r = d.rowValues(i);
            for (int l = 0; l < LINES.length; l++) {
                boolean owned = true;
                for (int q : LINES[l]) {
                    owned &= xIndex[q] >= 0 && r[col[q]] == xIndex[q];
                }
                c[i][l] = owned ? 1 : 0;
            }
        }
        return d.withConcepts(TIC_TAC_TOE, c);
    }
}
