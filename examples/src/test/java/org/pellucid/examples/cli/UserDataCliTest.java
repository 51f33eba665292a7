package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's own table, as a new user brings it: an id column, the target in the middle, a free-text
 * column last with quoted commas, {@code NA}, and a category at predict time the model never saw.
 */
class UserDataCliTest {
    @TempDir
    static Path dir;
    static Path churn;
    static Path unlabelled;
    static Path model;

    private static final String[] NOTES = {"called about billing, asked for a discount", "said the app is slow, wants to cancel",
            "happy with service", "moved house, new address", "complained about an outage, twice"};

    @BeforeAll
    static void table() throws IOException {
        Random r = new Random(7);
        List<String> rows = new ArrayList<>();
        List<String> rowsWithoutTarget = new ArrayList<>();
        rows.add("customer_id,age,plan,monthly_fee,churned,region,tenure,note");
        rowsWithoutTarget.add("customer_id,age,plan,monthly_fee,region,tenure,note");
        for (int i = 0; i < 2000; i++) {
            String plan = new String[] {"basic", "plus", "pro"}[r.nextInt(3)];
            int tenure = 1 + r.nextInt(72);
            double fee = Math.round((10 + 110 * r.nextDouble()) * 100) / 100.0;
            String region = new String[] {"north", "south", "east", "west", "NA"}[r.nextInt(5)];
            boolean churned = (plan.equals("basic") && tenure < 12) || fee > 100;
            String note = "\"" + NOTES[r.nextInt(NOTES.length)] + " (ticket " + (1000 + r.nextInt(900000)) + ")\"";
            String id = "C" + (10000 + i);
            int age = 18 + r.nextInt(70);
            rows.add(String.join(",", id, "" + age, plan, "" + fee, churned ? "yes" : "no", region, "" + tenure, note));
            if (i < 300) {
                rowsWithoutTarget.add(String.join(",", id, "" + age, plan, "" + fee, region, "" + tenure, note));
            }
        }
        rowsWithoutTarget.add("C99999,40,enterprise,55.0,north,3,\"a plan the model never saw, with commas\"");
        churn = dir.resolve("churn.csv");
        unlabelled = dir.resolve("new_customers.csv");
        Files.write(churn, rows);
        Files.write(unlabelled, rowsWithoutTarget);
        model = dir.resolve("rules-model");
    }

    private static CliTest.Run train() {
        return CliTest.run("train", "rules", "--data", churn.toString(), "--target", "churned", "--ignore", "note",
                "--id", "customer_id", "--out", model.toString(), "--json", dir.resolve("train.json").toString());
    }

    @Test
    void idAndFreeTextColumnsAreRefusedByNameWithTheFlagThatDropsThem() {
        CliTest.Run r = CliTest.run("train", "rules", "--data", churn.toString(), "--target", "churned");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("customer_id (every value distinct") && r.err().contains("note (free text"), r.err());
        assertTrue(r.err().contains("--ignore customer_id,note") && r.err().contains("--allow-id-like"), r.err());
    }

    @Test
    void trainsReadableRulesThenPredictsNewRowsWithTheirIds() throws IOException {
        long t0 = System.nanoTime();
        CliTest.Run t = train();
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, t.code(), t.err());
        assertTrue(secs < 30, "train rules took " + secs + " s");
        JsonObject tj = CliTest.json(dir.resolve("train.json"));
        String rules = tj.get("rules").toString();
        assertFalse(rules.contains("customer_id") || rules.contains("note"), rules);
        assertTrue(rules.contains("monthly_fee") && rules.contains("tenure"), "rules on the columns that decide: " + rules);
        assertTrue(tj.getAsJsonObject("test").get("macro_f1").getAsDouble() > 0.9, tj.getAsJsonObject("test").toString());

        Path out = dir.resolve("predictions.csv");
        CliTest.Run p = CliTest.run("predict", "--model", model.toString(), "--data", unlabelled.toString(), "--id", "customer_id",
                "--explain", "--out", out.toString(), "--json", dir.resolve("predict.json").toString());
        assertEquals(0, p.code(), p.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(302, lines.size(), "a header and one row per input row");
        assertTrue(lines.get(0).startsWith("customer_id,predicted,probability_no,probability_yes,explanation,explanation_json"), lines.get(0));
        assertTrue(lines.get(1).startsWith("C10000,"), lines.get(1));
        assertTrue(lines.get(301).startsWith("C99999,"), lines.get(301));
        assertTrue(lines.stream().anyMatch(l -> l.contains("IF ") && l.contains(" THEN ")), "fired rules in the output");
        assertTrue(p.err().contains("never saw") && p.err().contains("plan=1"), p.err());
        JsonObject pj = CliTest.json(dir.resolve("predict.json"));
        assertEquals(301, pj.get("rows").getAsInt());
        assertEquals(1, pj.getAsJsonObject("unseen_categories").get("plan").getAsInt());

        // the labelled file, read in the model's schema, gives the same predictions as the unlabelled one
        Path again = dir.resolve("again.csv");
        assertEquals(0, CliTest.run("predict", "--model", model.toString(), "--data", churn.toString(), "--id", "customer_id",
                "--out", again.toString()).code());
        List<String> a = Files.readAllLines(again);
        assertEquals(2001, a.size());
        for (int k = 1; k <= 300; k++) {
            assertEquals(List.of(lines.get(k).split(",", 5)).subList(0, 4), List.of(a.get(k).split(",")),
                    "row " + k + ": same id, class and probabilities with or without the target column");
        }
        // evaluate and explain read the user's file in the model's schema too
        CliTest.Run ev = CliTest.run("evaluate", "--model", model.toString(), "--data", churn.toString(), "--rows", "30",
                "--json", dir.resolve("eval.json").toString());
        assertEquals(0, ev.code(), ev.err());
        assertTrue(CliTest.json(dir.resolve("eval.json")).get("data_matches_training").getAsBoolean(), ev.err());
    }

    @Test
    void predictRefusesAnExplanationABlackBoxCannotGive() {
        Path m = dir.resolve("logistic-model");
        assertEquals(0, CliTest.run("train", "mlp", "--data", churn.toString(), "--target", "churned", "--ignore", "note,customer_id",
                "--epochs", "2", "--out", m.toString()).code());
        CliTest.Run r = CliTest.run("predict", "--model", m.toString(), "--data", unlabelled.toString(), "--explain", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("black box"), r.err());
        assertFalse(Files.exists(dir.resolve("x.csv")), "no output left behind");
    }

    @Test
    void latin1IsRefusedWithLineAndFieldAndReadWithItsEncoding() throws IOException {
        Path f = dir.resolve("latin1.csv");
        StringBuilder b = new StringBuilder("city,score,label\n");
        for (int i = 0; i < 60; i++) {
            b.append(i % 2 == 0 ? "café" : "cafè").append(',').append(i % 7).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.write(f, b.toString().getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Run r = CliTest.run("train", "tree", "--data", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("latin1.csv:2: field 1: byte 0xE9") && r.err().contains("--encoding"), r.err());
        Path j = dir.resolve("latin1.json");
        CliTest.Run ok = CliTest.run("train", "tree", "--data", f.toString(), "--encoding", "ISO-8859-1", "--json", j.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1.0, CliTest.json(j).getAsJsonObject("test").get("accuracy").getAsDouble(),
                "café and cafè stay two categories, and the city decides the label");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path f = dir.resolve("bom.csv");
        StringBuilder b = new StringBuilder("\uFEFFincome,debt,label\n");
        for (int i = 0; i < 60; i++) {
            b.append(i).append(',').append(i % 5).append(',').append(i < 30 ? "low" : "high").append('\n');
        }
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("train", "tree", "--data", f.toString(), "--target", "label", "--allow-id-like");
        assertEquals(0, r.code(), r.err());
        CliTest.Run bad = CliTest.run("train", "tree", "--data", f.toString(), "--target", "income ");
        assertTrue(bad.err().contains("columns are [income, debt, label]"), bad.err());
    }

    @Test
    void degenerateTargetsExitTwoBeforeTraining() throws IOException {
        Path one = dir.resolve("one.csv");
        Path tiny = dir.resolve("tiny.csv");
        Path numeric = dir.resolve("numeric.csv");
        StringBuilder a = new StringBuilder("x,y\n");
        StringBuilder t = new StringBuilder("x,y\n");
        StringBuilder n = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) {
            a.append(i % 10).append(",yes\n");
            t.append(i % 10).append(',').append("c").append(i / 2).append('\n');
            n.append(i % 10).append(',').append(i * 1.5).append('\n');
        }
        Files.writeString(one, a);
        Files.writeString(tiny, t);
        Files.writeString(numeric, n);
        for (String model : new String[] {"tree", "rules", "logistic"}) {
            CliTest.Run r = CliTest.run("train", model, "--data", one.toString());
            assertEquals(2, r.code(), model + ": " + r.err());
            assertTrue(r.err().contains("needs at least two classes"), r.err());
            assertFalse(r.out().contains("accuracy") || r.err().contains("epoch"), "nothing trained: " + r.out() + r.err());
        }
        CliTest.Run r = CliTest.run("train", "tree", "--data", tiny.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("too few to appear in the training split") || r.err().contains("the test split is empty"), r.err());
        r = CliTest.run("train", "tree", "--data", numeric.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("too many to be classes") && r.err().contains("--target"), r.err());
        assertFalse(r.err().contains("regression ask for it explicitly"), "no pointer to a flag that does not exist");
    }

    @Test
    void outputsAreCheckedBeforeTheWorkAndWrittenSafely() throws Exception {
        Path ro = dir.resolve("read-only");
        Files.createDirectories(ro);
        ro.toFile().setWritable(false);
        try {
            if (!Files.isWritable(ro)) { // root can write anywhere; the check is then moot
                long t0 = System.nanoTime();
                CliTest.Run r = CliTest.run("demo", "--out", ro.resolve("demo").toString());
                assertEquals(2, r.code(), r.err());
                assertTrue(r.err().contains("not writable"), r.err());
                assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused before the work");
            }
        } finally {
            ro.toFile().setWritable(true);
        }
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CliTest.Run r = CliTest.run("demo", "--out", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists and is not a directory"), r.err());
        assertFalse(r.out().contains("Pellucid demo"), "refused before the work: " + r.out());

        // /dev/null is written into, never replaced by a regular file
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertEquals(0, CliTest.run("train", "tree", "--data", "synthetic:rule:300", "--json", "/dev/null").code());
            assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        }
        // a symbolic link is written through: the link stays, its target gets the JSON
        Path real = dir.resolve("real.json");
        Path link = dir.resolve("link.json");
        Files.writeString(real, "{}");
        Files.createSymbolicLink(link, real);
        assertEquals(0, CliTest.run("train", "tree", "--data", "synthetic:rule:300", "--json", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(CliTest.json(real).has("test"), "its target holds the results");
        // a new file gets the umask's permissions, not 0600
        Path fresh = dir.resolve("fresh.json");
        assertEquals(0, CliTest.run("train", "tree", "--data", "synthetic:rule:300", "--json", fresh.toString()).code());
        Path probe = Files.createFile(dir.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(fresh), "same permissions as any new file");
    }

    @Test
    void noNaNReachesAJsonFile() throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("accuracy", Double.NaN);
        JsonArray a = new JsonArray();
        a.add(1.0);
        a.add(Double.POSITIVE_INFINITY);
        o.add("per_fold", a);
        Path f = dir.resolve("nan.json");
        Cli.writeJson(f, o);
        JsonObject back = CliTest.json(f); // strict: NaN would fail here
        assertTrue(back.get("accuracy").isJsonNull());
        assertTrue(back.get("accuracy_null_reason").getAsString().startsWith("undefined"));
        assertTrue(back.getAsJsonArray("per_fold").get(1).isJsonNull());
    }
}
