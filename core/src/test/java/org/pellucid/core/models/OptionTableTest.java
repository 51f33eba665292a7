package org.pellucid.core.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionTableTest {
    private static final OptionTable T = OptionTable.builder()
            .integer("depth", 12, 1, 1000, "most tests on a path")
            .integer("epochs", "max(40, 1500 / steps)", 1, 1_000_000, "most passes")
            .number("lr", 0.01, 0, true, 10, "learning rate")
            .number("l2", 0, 0, false, 1e6, "penalty")
            .flag("freeze", false, "keep them")
            .integers("hidden", new int[] {64, 64}, 1, true, "widths")
            .choice("mode", "joint", List.of("joint", "sequential"), "how")
            .build();

    private static String refused(String name, String value) {
        return assertThrows(IllegalArgumentException.class, () -> T.read("m", TrainConfig.of(1).with(name, value))).getMessage();
    }

    @Test
    void defaultsComeFromTheTableAndDerivedOnesFromTheFamily() {
        OptionTable.Values v = T.read("m", TrainConfig.of(1));
        assertEquals(12, v.integer("depth"));
        assertEquals(0.01, v.number("lr"));
        assertFalse(v.flag("freeze"));
        assertArrayEquals(new int[] {64, 64}, v.integers("hidden"));
        assertEquals("joint", v.choice("mode"));
        assertEquals(77, v.integer("epochs", () -> 77));
        assertThrows(IllegalStateException.class, () -> v.integer("epochs"), "a derived default must be supplied");
        assertEquals(Map.of("depth", "12", "lr", "0.01", "freeze", "false", "hidden", "64,64", "mode", "joint", "epochs", "77"),
                v.used(), "used() is every value read, given or default");
    }

    @Test
    void givenValuesWinOverDefaults() {
        OptionTable.Values v = T.read("m", TrainConfig.of(1).with("depth", " 3 ").with("epochs", "5").with("hidden", "")
                .with("freeze", "true").with("mode", "sequential"));
        assertEquals(3, v.integer("depth"));
        assertEquals(5, v.integer("epochs", () -> 77));
        assertArrayEquals(new int[0], v.integers("hidden"));
        assertTrue(v.flag("freeze"));
        assertTrue(v.isSet("mode"));
        assertFalse(v.isSet("lr"));
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheOptionAndItsRange() {
        assertEquals("option depth must be an integer in [1, 1000], got 0", refused("depth", "0"));
        assertEquals("option depth must be an integer in [1, 1000], got 1001", refused("depth", "1001"));
        assertEquals("option depth must be an integer in [1, 1000], got 'deep'", refused("depth", "deep"));
        assertEquals("option lr must be a number in (0, 10], got '0'", refused("lr", "0"));
        assertEquals("option lr must be a number in (0, 10], got 'NaN'", refused("lr", "NaN"));
        assertEquals("option l2 must be a number in [0, 1000000], got '-1'", refused("l2", "-1"));
        assertEquals("option freeze must be true or false, got 'yes'", refused("freeze", "yes"));
        assertEquals("option hidden must be comma-separated integers ≥ 1, or empty, got '64,0'", refused("hidden", "64,0"));
        assertEquals("option mode must be one of joint|sequential, got 'both'", refused("mode", "both"));
        assertEquals("option epochs must be an integer in [1, 1000000], got 99999999999", refused("epochs", "99999999999"));
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        assertEquals("unknown option 'dpeth' for model m; known: [depth, epochs, freeze, hidden, l2, lr, mode]",
                refused("dpeth", "3"));
    }

    @Test
    void helpShowsEveryOptionWithDefaultAndRange() {
        List<String> lines = T.helpLines();
        assertEquals(7, lines.size());
        assertEquals("  depth   most tests on a path (default 12; [1, 1000])", lines.get(0));
        assertEquals("  epochs  most passes (default max(40, 1500 / steps); [1, 1000000])", lines.get(1));
    }

    @Test
    void readingAnOptionAsTheWrongTypeIsAProgrammingError() {
        OptionTable.Values v = T.read("m", TrainConfig.of(1));
        assertThrows(IllegalStateException.class, () -> v.number("depth"));
        assertThrows(IllegalArgumentException.class, () -> v.integer("nope"));
    }
}
