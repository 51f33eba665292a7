package org.pellucid.sparse;

import java.util.List;
import java.util.Locale;
import org.pellucid.core.explain.GlobalExplanation;

/**
 * What a sparse model uses: the selected columns by importance (the norm of their first-layer and
 * skip weights), the hidden units each one feeds, and the regularisation path that led there.
 *
 * @param features selected columns, most important first
 * @param importance their importances, same order
 * @param connections for each selected column, the hidden units of the first layer it feeds
 * @param path the path (empty when trained at a single penalty)
 * @param totalFeatures columns available
 */
public record SelectedFeatures(List<String> features, double[] importance, List<int[]> connections, List<PathPoint> path,
                               int totalFeatures) implements GlobalExplanation {

    @Override
    public String title() {
        return "Selected features: " + features.size() + " of " + totalFeatures;
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(title()).append('\n');
        for (int i = 0; i < features.size(); i++) {
            b.append(String.format(Locale.ROOT, "  %-28s importance %.4f, feeds %d hidden units%n", features.get(i), importance[i],
                    connections.get(i).length));
        }
        if (!path.isEmpty()) {
            b.append("regularisation path (λ → active columns, validation accuracy):\n");
            for (PathPoint p : path) {
                b.append(String.format(Locale.ROOT, "  λ=%-10.4g %4d  %.4f%n", p.lambda(), p.activeFeatures(), p.validAccuracy()));
            }
        }
        return b.toString();
    }
}
