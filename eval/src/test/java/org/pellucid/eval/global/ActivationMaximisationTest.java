package org.pellucid.eval.global;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The image penalty's gradient against central finite differences of the penalty itself. */
class ActivationMaximisationTest {

    @Property(tries = 30)
    void thePenaltyGradientIsThePenaltysDerivative(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(2), 2 + r.nextInt(4), 2 + r.nextInt(4)};
        int n = shape[0] * shape[1] * shape[2];
        double[] x = new double[n];
        double[] start = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = r.nextDouble();
            start[j] = r.nextDouble();
        }
        ActivationMaximisation.Settings s = new ActivationMaximisation.Settings(1, 0.1, r.nextDouble(), r.nextDouble());
        double[] g = ActivationMaximisation.penaltyGradient(x, start, shape, s);
        double h = 1e-6;
        for (int j = 0; j < n; j++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (ActivationMaximisation.penalty(up, start, shape, s) - ActivationMaximisation.penalty(down, start, shape, s)) / (2 * h);
            assertEquals(fd, g[j], 1e-6, "pixel " + j);
        }
    }
}
