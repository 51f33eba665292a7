package org.pellucid.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** distill → explain → evaluate through the CLI, on built-in data. */
class TreesAndEvalCliTest {
    @TempDir
    Path tmp;

    @Test
    void distilledTreeExplainsByPathAndIsSimulatable() throws Exception {
        Path tree = tmp.resolve("tree");
        Path f = tmp.resolve("d.json");
        CliTest.Run d = CliTest.run("distill", "--teacher", "gbm", "--data", "synthetic:rule:1500", "--max-leaves", "8",
                "--seed", "1", "--out", tree.toString(), "--json", f.toString());
        assertEquals(0, d.code(), d.err());
        JsonObject o = CliTest.json(f);
        double agree = o.getAsJsonObject("fidelity").get("test_agreement").getAsDouble();
        assertTrue(agree > 0.85 && agree <= 1.0, "agreement " + agree);
        assertTrue(o.getAsJsonObject("complexity").get("leaves").getAsInt() <= 8);
        assertTrue(o.get("teacher_queries").getAsLong() >= 900, "every training row is a teacher query");

        CliTest.Run x = CliTest.run("explain", "--model", tree.toString(), "--data", "synthetic:rule:1500", "--rows", "0:3");
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains(" → decision = "), x.out());

        Path v = tmp.resolve("v.json");
        CliTest.Run e = CliTest.run("evaluate", "--model", tree.toString(), "--data", "synthetic:rule:1500", "--rows", "50",
                "--json", v.toString());
        assertEquals(0, e.code(), e.err());
        JsonObject ev = CliTest.json(v);
        assertEquals(1.0, ev.getAsJsonObject("fidelity").get("simulatable_agreement").getAsDouble());
        assertTrue(ev.getAsJsonObject("fidelity").has("deletion_auc"), "the path is scored by the attribution metrics too: " + ev);
        assertTrue(ev.getAsJsonObject("truth").get("column_f1").getAsDouble() > 0.5, "the tree relies on the rule's columns: " + ev);
        double size = ev.getAsJsonObject("simulability").get("size").getAsDouble();
        assertTrue(size >= 1 && size <= 7, "mean path length " + size);
    }

    @Test
    void kernelShapBeatsTheRandomControlThroughTheCli() throws Exception {
        Path m = tmp.resolve("mlp");
        assertEquals(0, CliTest.run("train", "mlp", "--data", "synthetic:rule:1500", "--out", m.toString(), "--epochs", "15").code());
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        assertEquals(0, CliTest.run("evaluate", "--model", m.toString(), "--data", "synthetic:rule:1500", "--explainer", "kernel-shap",
                "--rows", "60", "--samples", "256", "--json", a.toString()).code());
        assertEquals(0, CliTest.run("evaluate", "--model", m.toString(), "--data", "synthetic:rule:1500", "--explainer", "random",
                "--rows", "60", "--json", b.toString()).code());
        JsonObject ka = CliTest.json(a).getAsJsonObject("fidelity");
        JsonObject ra = CliTest.json(b).getAsJsonObject("fidelity");
        assertTrue(ka.get("deletion_auc").getAsDouble() < ra.get("deletion_auc").getAsDouble());
        assertTrue(ka.get("comprehensiveness").getAsDouble() > ra.get("comprehensiveness").getAsDouble());
        assertTrue(CliTest.json(a).getAsJsonObject("stability").has("max_sensitivity"));
        Path l = tmp.resolve("l.json");
        Path g = tmp.resolve("g.json");
        assertEquals(0, CliTest.run("evaluate", "--model", m.toString(), "--data", "synthetic:rule:1500", "--explainer", "lime",
                "--rows", "60", "--json", l.toString()).code());
        assertEquals(0, CliTest.run("evaluate", "--model", m.toString(), "--data", "synthetic:rule:1500", "--explainer", "ig",
                "--rows", "60", "--json", g.toString()).code());
        assertTrue(CliTest.json(l).getAsJsonObject("fidelity").get("deletion_auc").getAsDouble() < ra.get("deletion_auc").getAsDouble());
        JsonObject ig = CliTest.json(g).getAsJsonObject("fidelity");
        assertTrue(ig.get("deletion_auc").getAsDouble() < ra.get("deletion_auc").getAsDouble());
        assertTrue(ig.get("completeness_gap").getAsDouble() < 0.02, "IG is nearly complete: " + ig);
        CliTest.Run unknown = CliTest.run("evaluate", "--model", m.toString(), "--data", "synthetic:rule:1500", "--explainer", "magic");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown explainer"), unknown.err());

        Path rf = tmp.resolve("rf");
        assertEquals(0, CliTest.run("train", "rf", "--data", "synthetic:rule:1500", "--out", rf.toString(), "-o", "trees=10").code());
        CliTest.Run noGrad = CliTest.run("evaluate", "--model", rf.toString(), "--data", "synthetic:rule:1500", "--explainer", "ig");
        assertEquals(2, noGrad.code());
        assertTrue(noGrad.err().contains("differentiable") && noGrad.err().lines().count() == 1, noGrad.err());
        Path t = tmp.resolve("t.json");
        assertEquals(0, CliTest.run("evaluate", "--model", rf.toString(), "--data", "synthetic:rule:1500", "--explainer", "tree-shap",
                "--rows", "40", "--json", t.toString()).code());
        assertEquals(0, CliTest.json(t).getAsJsonObject("fidelity").get("completeness_gap").getAsDouble(), 1e-9);
        CliTest.Run bb = CliTest.run("explain", "--model", rf.toString(), "--data", "synthetic:rule:1500", "--rows", "0:1");
        assertEquals(0, bb.code(), bb.err());
        assertTrue(bb.err().contains("KernelSHAP") && bb.out().contains("kernel-shap"), bb.out() + bb.err());
    }
}
