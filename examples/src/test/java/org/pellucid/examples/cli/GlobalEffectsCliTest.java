package org.pellucid.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain --global: permutation importance, PDP/ICE and ALE of a saved model, as JSON and SVG. */
class GlobalEffectsCliTest {
    @TempDir
    Path tmp;

    @Test
    void probesAndTcavReadTheConceptsInsideAnMlp() throws Exception {
        Path m = tmp.resolve("mlp");
        assertEquals(0, CliTest.run("train", "mlp", "--data", "synthetic:xor:1500", "--epochs", "60", "--out", m.toString()).code());
        Path j = tmp.resolve("probes.json");
        CliTest.Run r = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:xor:1500", "--concepts", "tcav", "--json", j.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray probes = CliTest.json(j).getAsJsonArray("probes");
        assertEquals(4, probes.size(), "2 concepts × 2 hidden layers");
        for (var p : probes) {
            JsonObject o = p.getAsJsonObject();
            assertTrue(o.get("probe_accuracy").getAsDouble() > o.get("majority").getAsDouble(), o.toString());
            assertTrue(o.has("tcav") && o.has("p_value"), o.toString());
        }
    }

    @Test
    void permutationFindsTheRuleAndPdpAndAleAreWritten() throws Exception {
        Path m = tmp.resolve("gbm");
        assertEquals(0, CliTest.run("train", "gbm", "--data", "synthetic:rule:2000", "--out", m.toString()).code());
        Path imp = tmp.resolve("imp.json");
        CliTest.Run p = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:rule:2000", "--global", "permutation",
                "--json", imp.toString());
        assertEquals(0, p.code(), p.err());
        JsonArray a = CliTest.json(imp).getAsJsonArray("importance");
        Set<String> top = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            top.add(a.get(i).getAsJsonObject().get("column").getAsString());
        }
        assertEquals(Set.of("income", "debt_ratio", "employment"), top, "the rule's three columns lead: " + a);

        Path pdp = tmp.resolve("pdp.json");
        Path svg = tmp.resolve("pdp.svg");
        CliTest.Run r = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:rule:2000", "--global", "ice",
                "--columns", "income,employment", "--json", pdp.toString(), "--svg", svg.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray curves = CliTest.json(pdp).getAsJsonArray("curves");
        assertEquals(2, curves.size());
        JsonObject income = curves.get(0).getAsJsonObject();
        assertEquals("income", income.get("column").getAsString());
        JsonArray pd = income.getAsJsonArray("pdp");
        assertTrue(pd.get(pd.size() - 1).getAsDouble() > pd.get(0).getAsDouble() + 0.2, "more income, more approvals: " + pd);
        assertTrue(income.getAsJsonArray("centred_ice").get(0).getAsJsonArray().get(0).getAsDouble() == 0.0);
        assertEquals(List.of("employed", "self-employed", "unemployed").size(),
                curves.get(1).getAsJsonObject().getAsJsonArray("grid").size(), "a categorical column: every level");
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg") && chart.contains("polyline") && chart.contains("income"), chart.substring(0, 200));

        Path ale = tmp.resolve("ale.json");
        CliTest.Run al = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:rule:2000", "--global", "ale",
                "--columns", "debt_ratio,employment", "--json", ale.toString());
        assertEquals(0, al.code(), al.err());
        assertTrue(al.err().contains("employment is categorical, skipped"), al.err());
        JsonArray ac = CliTest.json(ale).getAsJsonArray("curves");
        assertEquals(1, ac.size());
        JsonArray eff = ac.get(0).getAsJsonObject().getAsJsonArray("ale");
        assertTrue(eff.get(0).getAsDouble() > eff.get(eff.size() - 1).getAsDouble() + 0.2, "more debt, fewer approvals: " + eff);
        CliTest.Run notMlp = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:rule:2000", "--concepts", "tcav");
        assertEquals(2, notMlp.code());
        assertTrue(notMlp.err().contains("probes the hidden layers of an mlp; gbm is not one"), notMlp.err());
        CliTest.Run bad = CliTest.run("explain", "--model", m.toString(), "--data", "synthetic:rule:2000", "--global", "shap-summary");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--global must be one of pdp, ice, ale, permutation"), bad.err());
    }
}
