package org.pellucid.core.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-column contributions to one scalar output of a model (a class logit, a probability, a
 * regression value). Additive methods satisfy {@code baseline + Σ attribution = output}; the gap,
 * {@link #completenessGap()}, is part of the value so non-additive methods report it honestly.
 *
 * @param contributions one per column, in schema order
 * @param baseline the output with no feature information (intercept, expected value)
 * @param output the explained output for this row
 * @param target what output is explained, e.g. {@code logit(>50K)} or {@code P(spam)}
 * @param method how the attributions were computed ({@code exact-linear}, {@code kernel-shap}, …)
 */
public record FeatureAttribution(List<Contribution> contributions, double baseline, double output, String target,
                                 String method) implements Explanation {

    public FeatureAttribution {
        contributions = List.copyOf(contributions);
    }

    public double[] values() {
        return contributions.stream().mapToDouble(Contribution::attribution).toArray();
    }

    /** output − (baseline + Σ attributions); 0 for exact additive methods. */
    public double completenessGap() {
        double s = baseline;
        for (Contribution c : contributions) {
            s += c.attribution();
        }
        return output - s;
    }

    /** Contributions ordered by absolute size, largest first. */
    public List<Contribution> ranked() {
        List<Contribution> r = new ArrayList<>(contributions);
        r.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.attribution())));
        return r;
    }

    @Override
    public List<String> features() {
        return ranked().stream().filter(c -> c.attribution() != 0).map(Contribution::feature).toList();
    }

    @Override
    public Optional<FeatureAttribution> asAttribution() {
        return Optional.of(this);
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s = %.4f  (baseline %.4f, %s)%n", target, output, baseline, method));
        for (Contribution c : ranked()) {
            if (c.attribution() == 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "  %+9.4f  %s = %s%n", c.attribution(), c.feature(), c.value()));
        }
        double gap = completenessGap();
        if (Math.abs(gap) > 1e-9) {
            b.append(String.format(Locale.ROOT, "  (completeness gap %.2e)%n", gap));
        }
        return b.toString();
    }
}
