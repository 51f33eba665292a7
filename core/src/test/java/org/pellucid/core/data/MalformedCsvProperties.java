package org.pellucid.core.data;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Malformed CSV never crashes the loader: it is either read or refused with a DatasetException naming the line. */
class MalformedCsvProperties {

    private static List<String> validLines(int rows, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("num,cat,label");
        for (int i = 0; i < rows; i++) {
            lines.add(r.nextInt(100) + "," + (r.nextBoolean() ? "red" : "blue") + "," + (r.nextBoolean() ? "yes" : "no"));
        }
        return lines;
    }

    private static Dataset load(List<String> lines) throws IOException {
        RawTable raw = CsvLoader.read("test.csv", new StringReader(String.join("\n", lines) + "\n"), ',', CsvLoader.Header.AUTO);
        return TableBuilder.build("test", raw, TableSpec.defaults());
    }

    @Property(tries = 200)
    void aRowWithTheWrongFieldCountIsReportedAtItsLine(@ForAll @IntRange(min = 1, max = 40) int rows,
                                                       @ForAll @IntRange(min = 0, max = 1000) int where,
                                                       @ForAll boolean extraField, @ForAll long seed) throws IOException {
        List<String> lines = validLines(rows, seed);
        int target = 1 + where % rows; // a data line (0 is the header)
        String l = lines.get(target);
        lines.set(target, extraField ? l + ",surplus" : l.substring(0, l.lastIndexOf(',')));
        try {
            load(lines);
            fail("a malformed row was accepted");
        } catch (DatasetException e) {
            assertEquals(target + 1, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith("test.csv:" + (target + 1) + ":"), e.getMessage());
        }
    }

    @Property(tries = 200)
    void anUnclosedQuoteIsReportedAtTheLineWhereItOpens(@ForAll @IntRange(min = 1, max = 40) int rows,
                                                        @ForAll @IntRange(min = 0, max = 1000) int where,
                                                        @ForAll long seed) throws IOException {
        List<String> lines = validLines(rows, seed);
        int target = 1 + where % rows;
        String l = lines.get(target);
        int comma = l.indexOf(',');
        lines.set(target, l.substring(0, comma + 1) + "\"" + l.substring(comma + 1));
        try {
            load(lines);
            fail("an unterminated quote was accepted");
        } catch (DatasetException e) {
            assertEquals(target + 1, e.line(), e.getMessage());
        }
    }

    @Property(tries = 500)
    void arbitraryTextIsReadOrRefusedButNeverCrashes(@ForAll @StringLength(max = 300) String text) {
        try {
            RawTable raw = CsvLoader.read("fuzz.csv", new StringReader(text), ',', CsvLoader.Header.AUTO);
            TableBuilder.build("fuzz", raw, TableSpec.defaults());
        } catch (DatasetException e) {
            assertTrue(e.getMessage().startsWith("fuzz.csv"), "the message names the source: " + e.getMessage());
        } catch (IOException e) {
            fail(e);
        }
    }
}
