package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concept models and `compare --report` through the CLI. */
class ConceptAndCompareCliTest {
    @TempDir
    Path tmp;

    @Test
    void conceptModelTrainsWithAnInterventionCurveAndTakesInterventionsInExplain() throws Exception {
        Path m = tmp.resolve("cbm");
        Path f = tmp.resolve("f.json");
        CliTest.Run t = CliTest.run("train", "cbm", "--data", "synthetic:xor:800", "--mode", "sequential", "--seed", "1",
                "--intervention-curve", "--policy", "greedy", "--out", m.toString(), "--json", f.toString());
        assertEquals(0, t.code(), t.err());
        JsonObject o = CliTest.json(f);
        assertTrue(o.getAsJsonObject("test").get("concept_accuracy").getAsDouble() > 0.9, o.toString());
        JsonArray curve = o.getAsJsonArray("intervention_curve");
        assertEquals(3, curve.size());
        assertEquals(1.0, curve.get(2).getAsDouble(), 1e-12, "the head on the true XOR concepts is exact");
        assertEquals("greedy", o.get("intervention_policy").getAsString());
        assertTrue(o.has("leakage"));

        CliTest.Run x = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:xor:800", "--rows", "0:2",
                "--intervene", "x1_high=1,x2_high=1");
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains("(intervened)") && x.out().contains("predicted 0"), x.out());
        // the last row's explanation is printed too (it once stayed in an unflushed buffer)
        assertTrue(x.out().lines().filter(l -> l.contains("(intervened)")).count() == 4, x.out());
        CliTest.Run bad = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:xor:800", "--intervene", "nope=1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown concept 'nope'"), bad.err());
        CliTest.Run badValue = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:xor:800", "--intervene", "x1_high=7");
        assertEquals(2, badValue.code());
        Path plain = tmp.resolve("plain.csv");
        StringBuilder rows = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i * 7 % 40).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        Files.writeString(plain, rows);
        CliTest.Run noConcepts = CliTest.run("train", "cbm", "--data", plain.toString());
        assertEquals(2, noConcepts.code());
        assertTrue(noConcepts.err().contains("no concept columns"), noConcepts.err());
        CliTest.Run notConcept = CliTest.run("train", "logistic", "--data", "synthetic:xor:200", "--intervention-curve");
        assertEquals(2, notConcept.code());
        assertTrue(notConcept.err().contains("concept models"), notConcept.err());
    }

    @Test
    void compareWorksOnAnUnseenCsvWithCategoriesAndMissingValuesAndWritesTheReport() throws Exception {
        StringBuilder csv = new StringBuilder("age,city,income,owner,label\n");
        Random r = new Random(3);
        String[] cities = {"Lyon", "Oslo", "Quito"};
        for (int i = 0; i < 400; i++) {
            int age = 18 + r.nextInt(60);
            String city = r.nextInt(20) == 0 ? "" : cities[r.nextInt(3)];
            String income = r.nextInt(15) == 0 ? "NA" : String.valueOf(20 + r.nextInt(80));
            boolean owner = r.nextBoolean();
            boolean yes = age > 40 && (owner || city.equals("Oslo"));
            csv.append(age).append(',').append(city).append(',').append(income).append(',').append(owner ? "yes" : "no")
                    .append(',').append(yes ? "buy" : "skip").append('\n');
        }
        Path data = tmp.resolve("shop.csv");
        Files.writeString(data, csv);
        Path json = tmp.resolve("c.json");
        Path html = tmp.resolve("r.html");
        CliTest.Run c = CliTest.run("compare", "--data", data.toString(), "--target", "label", "--models", "logistic,tree,gbm",
                "--rows", "20", "--json", json.toString(), "--report", html.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("missing"), "missing values are reported: " + c.err());
        JsonObject o = CliTest.json(json);
        JsonArray models = o.getAsJsonArray("models");
        assertEquals(3, models.size(), "the three models asked for");
        for (var e : models) {
            JsonObject m = e.getAsJsonObject();
            assertTrue(m.getAsJsonObject("test").has("macro_f1"));
            assertTrue(m.getAsJsonObject("simulability").has("size"), m.toString());
            assertTrue(m.has("fidelity"), m.get("model") + " has fidelity scores");
        }
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"m-gbm\"") && page.contains("id=\"m-logistic\"") && page.contains("Pareto"));
    }
}
