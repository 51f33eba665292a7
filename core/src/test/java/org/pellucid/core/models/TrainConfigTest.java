package org.pellucid.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void booleanOptionsAreTrueOrFalseAndNothingElse() {
        TrainConfig c = TrainConfig.of(1);
        assertTrue(c.booleanOption("x", true), "absent: the default");
        assertFalse(c.booleanOption("x", false));
        assertTrue(c.with("x", "true").booleanOption("x", false));
        assertFalse(c.with("x", " false ").booleanOption("x", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.with("x", "yes").booleanOption("x", false));
        assertEquals("option x must be true or false, got 'yes'", e.getMessage());
    }
}
