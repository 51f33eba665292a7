package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void typesColumnsAndDetectsTheHeader() throws IOException {
        Dataset d = CsvLoader.load(write("t.csv", "age,job,smoker,label\n39,clerk,yes,a\n50,nurse,no,b\n38,clerk,no,a\n"),
                TableSpec.defaults());
        Schema s = d.schema();
        assertEquals(List.of("age", "job", "smoker"), s.featureNames());
        assertEquals(ColumnType.NUMERIC, s.feature(0).type());
        assertEquals(ColumnType.BINARY, s.feature(1).type());
        assertEquals(List.of("clerk", "nurse"), s.feature(1).categories());
        assertEquals(List.of("a", "b"), s.classes());
        assertEquals(3, d.size());
        assertEquals(50.0, d.value(1, 0));
        assertEquals("nurse", d.row(1).text(1));
        assertEquals(1, d.label(1));
    }

    @Test
    void readsFilesWithoutHeader() throws IOException {
        Dataset d = CsvLoader.load(write("t.csv", "1,2,x\n3,4,y\n"), TableSpec.defaults());
        assertEquals(List.of("column_1", "column_2"), d.schema().featureNames());
        assertEquals(2, d.size());
    }

    @Test
    void honoursQuotesEscapedQuotesAndNewlinesInFields() throws IOException {
        Dataset d = CsvLoader.load(write("q.csv", "name,n,y\n\"Smith, J\",1,a\n\"say \"\"hi\"\"\",2,b\n\"two\nlines\",3,a\n"),
                TableSpec.defaults());
        assertEquals(List.of("Smith, J", "say \"hi\"", "two\nlines"), d.schema().feature(0).categories().stream().sorted().toList());
        assertEquals(3, d.size());
    }

    @Test
    void tabSeparatedByExtension() throws IOException {
        Dataset d = CsvLoader.load(write("t.tsv", "a\tb\ty\n1\t2\tp\n3\t4\tq\n"), TableSpec.defaults());
        assertEquals(2, d.schema().featureCount());
    }

    @Test
    void wrongFieldCountNamesFileAndLine() throws IOException {
        Path p = write("bad.csv", "a,b,y\n1,2,x\n3,4\n5,6,z\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CsvLoader.load(p, TableSpec.defaults()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(p + ":3:"), e.getMessage());
    }

    @Test
    void unterminatedQuoteNamesTheLineItStarts() throws IOException {
        Path p = write("bad.csv", "a,b,y\n1,2,x\n3,\"4,y\n5,6,z\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CsvLoader.load(p, TableSpec.defaults()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unterminated quote"), e.getMessage());
    }

    @Test
    void aTypoInANumericColumnIsAnErrorNotACategory() throws IOException {
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            b.append(i).append(",").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        b.append("12O,a\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CsvLoader.load(write("t.csv", b.toString()), TableSpec.defaults()));
        assertEquals(32, e.line());
        assertEquals("x", e.column());
    }

    @Test
    void missingValuesAreCountedAndHandledByTheStatedRule() throws IOException {
        Path p = write("m.csv", "a,b,y\n1,?,x\nNA,red,y\n3,blue,x\n,red,y\n5,blue,x\n");
        Dataset kept = CsvLoader.load(p, TableSpec.defaults());
        assertEquals(5, kept.size());
        assertEquals(3, kept.missing().total());
        assertEquals(2, kept.missing().perColumn().get("a"));
        assertTrue(Double.isNaN(kept.value(1, 0)));

        Dataset dropped = CsvLoader.load(p, TableSpec.defaults().withMissing(MissingPolicy.DROP_ROWS));
        assertEquals(2, dropped.size());
        assertEquals(3, dropped.missing().rowsDropped());
        assertTrue(dropped.missing().summary().contains("3 rows with a missing value dropped"), dropped.missing().summary());

        DatasetException e = assertThrows(DatasetException.class,
                () -> CsvLoader.load(p, TableSpec.defaults().withMissing(MissingPolicy.ERROR)));
        assertEquals(2, e.line());
        assertEquals("b", e.column());
    }

    @Test
    void aMissingTargetIsAlwaysAnError() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> CsvLoader.load(write("t.csv", "a,y\n1,x\n2,\n"), TableSpec.defaults()));
        assertEquals(3, e.line());
    }

    @Test
    void anUnknownTargetColumnIsNamed() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> CsvLoader.load(write("t.csv", "a,y\n1,x\n2,y\n"), TableSpec.defaults().withTarget("label")));
        assertEquals("label", e.column());
    }

    @Test
    void emptyInputIsAnError() {
        assertThrows(DatasetException.class,
                () -> CsvLoader.read("empty", new StringReader(""), ',', CsvLoader.Header.AUTO));
    }
}
