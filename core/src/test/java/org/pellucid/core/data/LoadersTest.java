package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {
    @TempDir
    Path dir;

    @Test
    void arffWithQuotedNamesNominalsAndComments() throws IOException {
        Path p = dir.resolve("w.arff");
        Files.writeString(p, """
                % weather
                @relation weather
                @attribute outlook {sunny, overcast, rainy}
                @attribute 'temp C' numeric
                @attribute play {yes, no}
                @data
                sunny,30,no
                % a comment row
                overcast,?,yes
                rainy,18,yes
                """);
        Dataset d = ArffLoader.load(p, TableSpec.defaults());
        assertEquals(List.of("outlook", "temp C"), d.schema().featureNames());
        assertEquals(List.of("sunny", "overcast", "rainy"), d.schema().feature(0).categories(), "declared order kept");
        assertEquals(List.of("yes", "no"), d.schema().classes());
        assertEquals(3, d.size());
        assertEquals(1, d.missing().total());
    }

    @Test
    void arffValueOutsideTheDeclaredCategoriesNamesLineAndColumn() throws IOException {
        Path p = dir.resolve("w.arff");
        Files.writeString(p, "@relation r\n@attribute a {x,y}\n@attribute c {p,q}\n@data\nx,p\nz,q\n");
        DatasetException e = assertThrows(DatasetException.class, () -> ArffLoader.load(p, TableSpec.defaults()));
        assertEquals(6, e.line());
        assertEquals("a", e.column());
    }

    @Test
    void infoDataPairWithLabelFirstAndLeadingSpaces() throws IOException {
        Files.writeString(dir.resolve("t.info"), "class discrete\nsize continuous\ncolour discrete\nLABEL_POS 0\n");
        Path data = dir.resolve("t.data");
        Files.writeString(data, "pos, 1.5, red\nneg, 2.5, blue\npos, ?, red\n");
        Dataset d = InfoDataLoader.load(data, TableSpec.defaults());
        assertEquals("class", d.schema().target().name());
        assertEquals(List.of("size", "colour"), d.schema().featureNames());
        assertEquals(ColumnType.NUMERIC, d.schema().feature(0).type());
        assertEquals(1, d.missing().total());
    }

    @Test
    void infoDeclaredContinuousWithTextIsAnError() throws IOException {
        Files.writeString(dir.resolve("t.info"), "size continuous\nclass discrete\nLABEL_POS -1\n");
        Path data = dir.resolve("t.data");
        Files.writeString(data, "1.5,a\nbig,b\n");
        DatasetException e = assertThrows(DatasetException.class, () -> InfoDataLoader.load(data, TableSpec.defaults()));
        assertEquals(2, e.line());
        assertEquals("size", e.column());
    }

    @Test
    void sklearnLayoutMapsClassIndicesToNames() throws IOException {
        Path p = dir.resolve("s.csv");
        Files.writeString(p, "3,2,setosa,versicolor\n5.1,3.5,0\n4.9,3.0,1\n6.0,2.2,1\n");
        Dataset d = SklearnCsvLoader.load(p, List.of("sepal", "petal"), TableSpec.defaults());
        assertEquals(List.of("setosa", "versicolor"), d.schema().classes());
        assertEquals(List.of(1, 2), List.of(d.classCounts()[0], d.classCounts()[1]));
        Files.writeString(p, "3,2,a,b\n5.1,3.5,0\n4.9,3.0,7\n6.0,2.2,1\n");
        DatasetException e = assertThrows(DatasetException.class, () -> SklearnCsvLoader.load(p, null, TableSpec.defaults()));
        assertEquals(3, e.line());
    }

    @Test
    void idxImagesAndLabels() throws IOException {
        Path img = dir.resolve("i.gz");
        Path lab = dir.resolve("l.gz");
        try (DataOutputStream o = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(img)))) {
            o.writeInt(2051);
            o.writeInt(2);
            o.writeInt(2);
            o.writeInt(3);
            o.write(new byte[] {0, (byte) 255, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6});
        }
        try (DataOutputStream o = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(lab)))) {
            o.writeInt(2049);
            o.writeInt(2);
            o.write(new byte[] {7, 3});
        }
        Dataset d = IdxLoader.load("tiny", img, lab, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertEquals(6, d.schema().featureCount());
        assertEquals("px_0_1", d.schema().feature(1).name());
        assertEquals(1.0, d.value(0, 1));
        assertEquals(7, d.label(0));
        assertEquals(List.of(1, 2, 3), List.of(d.imageShape()[0], d.imageShape()[1], d.imageShape()[2]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.load("x", lab, img, List.of("0")));
        assertTrue(e.getMessage().contains("not an IDX"), e.getMessage());
    }

    @Test
    void syntheticDataFollowItsGroundTruth() {
        Dataset xor = SyntheticData.xor(500, 1);
        for (int i = 0; i < xor.size(); i++) {
            double[] c = xor.concepts(i);
            assertEquals((c[0] != c[1]) ? 1 : 0, xor.label(i));
            assertEquals(xor.value(i, 0) > 0.5 ? 1.0 : 0.0, c[0]);
        }
        Dataset rule = SyntheticData.rule(500, 1);
        for (int i = 0; i < rule.size(); i++) {
            boolean approve = rule.value(i, 0) > 50 && rule.value(i, 1) < 0.4 && rule.value(i, 2) != 2;
            assertEquals(approve ? 1 : 0, rule.label(i));
        }
        assertEquals(3, SyntheticData.trig(10, 1).schema().concepts().size());
        assertEquals(4, SyntheticData.dot(10, 1).schema().featureCount());
        assertEquals(SyntheticData.rule(50, 9).fingerprint(), SyntheticData.rule(50, 9).fingerprint());
    }

    @Test
    void registryResolvesSyntheticNamesAndRejectsUnknownOnes() {
        assertEquals(300, DatasetRegistry.load("synthetic:xor:300").size());
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetRegistry.load("no-such-data"));
        assertTrue(e.getMessage().contains("unknown dataset"), e.getMessage());
        assertThrows(DatasetException.class, () -> DatasetRegistry.load(dir.resolve("missing.csv").toString()));
        assertThrows(DatasetException.class, () -> DatasetRegistry.load("synthetic:xor:abc"));
    }
}
