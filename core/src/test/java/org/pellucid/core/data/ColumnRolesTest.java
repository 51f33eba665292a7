package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Identifier-like and free-text columns are refused by name; constant ones are left out with a note. */
class ColumnRolesTest {

    private static Dataset table(String header, int n, IntFunction<String> row, TableSpec spec) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            b.append(row.apply(i)).append('\n');
        }
        return TableBuilder.build("t", CsvLoader.read("t.csv", new StringReader(b.toString()), ',', CsvLoader.Header.PRESENT), spec);
    }

    @Test
    void identifiersAndFreeTextAreNamed() throws IOException {
        SuspectColumnsException e = assertThrows(SuspectColumnsException.class, () -> table("id,row,text,x,y", 100,
                i -> "C" + (500 + i) + "," + (i + 1) + ",\"a long note that differs, row " + i + " of the table\"," + (i % 9) + "," + (i % 2),
                TableSpec.defaults()));
        assertEquals(List.of("id", "row", "text"), List.copyOf(e.columns().keySet()), e.getMessage());
        assertTrue(e.getMessage().contains("--ignore id,row,text"), e.getMessage());
        Dataset kept = table("id,row,text,x,y", 100,
                i -> "C" + (500 + i) + "," + (i + 1) + ",\"a long note, row " + i + " of the table\"," + (i % 9) + "," + (i % 2),
                TableSpec.defaults().withAllowIdLike(true));
        assertEquals(4, kept.schema().featureCount(), "kept on request");
        Dataset ignored = table("id,row,text,x,y", 100,
                i -> "C" + (500 + i) + "," + (i + 1) + ",\"a long note, row " + i + " of the table\"," + (i % 9) + "," + (i % 2),
                TableSpec.defaults().withIgnore(List.of("id", "row", "text")));
        assertEquals(List.of("x"), ignored.schema().featureNames());
    }

    @Test
    void ordinaryColumnsAreNotSuspects() throws IOException {
        // distinct measurements, shuffled whole numbers, short repeated words, and small tables pass
        Dataset d = table("income,score,colour,y", 200, i -> (1000.5 + i * 13.7) + "," + ((i * 37) % 200) + ","
                + (i % 3 == 0 ? "red" : "blue") + "," + (i % 2), TableSpec.defaults());
        assertEquals(3, d.schema().featureCount());
        Dataset small = table("name,y", 10, i -> "n" + i + "," + (i % 2), TableSpec.defaults());
        assertEquals(1, small.schema().featureCount(), "under 20 rows nothing is called an identifier");
    }

    @Test
    void aConstantColumnIsLeftOutWithANote() throws IOException {
        Dataset d = table("x,same,y", 50, i -> (i % 5) + ",1," + (i % 2), TableSpec.defaults());
        assertEquals(List.of("x"), d.schema().featureNames());
        assertEquals(List.of("column 'same' has one value in every row and is left out"), d.notes());
        assertEquals(d.notes(), d.subset(new int[] {0, 1, 2}).notes(), "notes travel with subsets");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        RawTable t = CsvLoader.read("b.csv", new StringReader("\uFEFFincome,y\n1,a\n2,b\n"), ',', CsvLoader.Header.AUTO);
        assertEquals(List.of("income", "y"), t.names);
    }
}
