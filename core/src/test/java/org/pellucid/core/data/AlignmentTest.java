package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {
    private static Schema schema(List<String> jobs) {
        return new Schema(List.of(Column.numeric("age"), Column.categorical("job", jobs)), Column.categorical("y", List.of("a", "b")));
    }

    @Test
    void matchesColumnsByNameAndCategoriesByName() {
        Schema model = schema(List.of("clerk", "nurse", "pilot"));
        Schema other = new Schema(List.of(Column.categorical("job", List.of("pilot", "sailor")), Column.numeric("age")),
                Column.categorical("y", List.of("b", "a")));
        Dataset d = Dataset.builder(other).features(new double[][] {{0, 30}, {1, 40}}).labels(new int[] {0, 1}).build();
        Alignment a = Alignment.align(d, model);
        Dataset x = a.dataset();
        assertEquals(model, x.schema());
        assertEquals(30.0, x.value(0, 0));
        assertEquals(2.0, x.value(0, 1), "pilot is category 2 of the model");
        assertTrue(Double.isNaN(x.value(1, 1)), "sailor was never seen: missing");
        assertEquals(1, a.unseen().get("job"));
        assertEquals("b", model.classes().get(x.label(0)));
    }

    @Test
    void aMissingColumnIsNamed() {
        Schema model = schema(List.of("clerk"));
        Schema other = new Schema(List.of(Column.numeric("age")), Column.categorical("y", List.of("a", "b")));
        Dataset d = Dataset.builder(other).features(new double[][] {{30}}).labels(new int[] {0}).build();
        DatasetException e = assertThrows(DatasetException.class, () -> Alignment.align(d, model));
        assertEquals("job", e.column());
    }
}
