package org.pellucid.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pellucid.core.explain.ShapeFunctions;

/** Shapes draw as charts and pairs as heat maps, through the JSON the report reads; no pairs, no heat-map section. */
class ShapeChartsTest {
    static ShapeFunctions shapes(boolean withPair) {
        var curve = new ShapeFunctions.Curve("income", List.of(), new double[] {0, 50, 100}, new double[] {-1, 0, 1}, new double[] {0.2, 0.5, 0.3});
        var level = new ShapeFunctions.Curve("region", List.of("north", "south"), new double[] {0, 1}, new double[] {0.3, -0.3},
                new double[] {0.5, 0.5});
        List<ShapeFunctions.Pair> pairs = withPair
                ? List.of(new ShapeFunctions.Pair("income", "region", List.of("0", "100"), List.of("north", "south"),
                        new double[][] {{-2, 2}, {2, -2}}))
                : List.of();
        return new ShapeFunctions("log-odds(approve)", List.of(curve, level), pairs);
    }

    @Test
    void pairsDrawAsHeatMapsAndOnlyWhenThereAreSome() {
        String with = ShapeCharts.render(ShapeCharts.toJson(shapes(true)));
        assertTrue(with.contains("<h3>Shape functions</h3>") && with.contains("income") && with.contains("south"), with);
        assertTrue(with.contains("<h3>Pairwise interactions</h3>"), "the pair's heat map section");
        assertTrue(with.contains("±2.000"), "the pair's range is labelled: " + with);
        String without = ShapeCharts.render(ShapeCharts.toJson(shapes(false)));
        assertFalse(without.contains("Pairwise interactions"), "no section for no pairs");
        assertEquals(2, ShapeCharts.toJson(shapes(true)).getAsJsonArray("curves").size());
    }
}
