package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.model.Model;
import org.pellucid.eval.explainers.Output;
import org.pellucid.eval.global.AccumulatedLocalEffects;
import org.pellucid.eval.global.PartialDependence;
import org.pellucid.eval.global.PermutationImportance;
import org.pellucid.examples.report.EffectCharts;

/**
 * {@code explain --global pdp|ice|ale|permutation}: global effects of any saved model. Permutation
 * importance is measured on the test split (rows the model never saw, same seed as {@code train});
 * PDP, ICE and ALE over the training split, for the columns named or else the five most important
 * by permutation.
 */
final class GlobalEffects {
    static final List<String> METHODS = List.of("pdp", "ice", "ale", "permutation");

    private GlobalEffects() {}

    static JsonObject run(Model model, Dataset d, String method, List<String> columns, Path svg, PrintWriter out, PrintWriter err) {
        if (!METHODS.contains(method)) {
            throw new Pellucid.UsageException("--global must be one of " + String.join(", ", METHODS) + ", got '" + method + "'");
        }
        if (!d.schema().isClassification()) {
            throw new Pellucid.UsageException("--global here explains classifiers; the target is numeric");
        }
        if (d.schema().featureCount() == 0) {
            throw new Pellucid.UsageException("--global needs tabular columns; the data has none");
        }
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, model.provenance().seed());
        Dataset train = d.subset(s.train());
        Dataset test = d.subset(s.test());
        long seed = model.provenance().seed();
        JsonObject o = new JsonObject();
        o.addProperty("method", method);
        List<PermutationImportance> imp = PermutationImportance.of(model, test, method.equals("permutation") ? 20 : 3, seed);
        List<String> cols = new ArrayList<>();
        for (String c : columns) {
            if (d.schema().indexOf(c) < 0) {
                throw new Pellucid.UsageException("--columns: no column '" + c + "'; columns are " + d.schema().featureNames());
            }
            cols.add(c);
        }
        if (cols.isEmpty()) {
            imp.stream().limit(5).forEach(p -> cols.add(p.column()));
        }
        if (method.equals("permutation")) {
            o.add("importance", importance(model, test, imp, out));
            return o;
        }
        // the class the effects are of: the second for two classes (as log-odds are read), else the first
        int target = d.schema().classes().size() == 2 ? 1 : 0;
        JsonArray curves = new JsonArray();
        if (method.equals("ale")) {
            ale(model, d, train, cols, target, curves, svg, out, err);
        } else {
            pdp(model, d, train, cols, target, method.equals("ice"), seed, curves, svg, out);
        }
        o.add("curves", curves);
        return o;
    }

    private static JsonArray importance(Model model, Dataset test, List<PermutationImportance> imp, PrintWriter out) {
        JsonArray a = new JsonArray();
        out.printf(Locale.ROOT, "permutation importance of %s on %d test rows (accuracy drop, 20 shuffles, 95%% interval):%n",
                model.kind(), test.size());
        for (PermutationImportance p : imp) {
            JsonObject j = new JsonObject();
            j.addProperty("column", p.column());
            j.addProperty("mean", p.mean());
            j.addProperty("std", p.std());
            j.addProperty("low", p.low());
            j.addProperty("high", p.high());
            a.add(j);
            out.printf(Locale.ROOT, "  %-24s %+.4f  [%+.4f, %+.4f]%n", p.column(), p.mean(), p.low(), p.high());
        }
        return a;
    }

    /** Accumulated local effects (Apley &amp; Zhu 2020) of each ordered column; categorical ones are skipped with a warning. */
    private static void ale(Model model, Dataset d, Dataset train, List<String> cols, int target, JsonArray curves, Path svg,
                            PrintWriter out, PrintWriter err) {
        List<AccumulatedLocalEffects> list = new ArrayList<>();
        for (String c : cols) {
            int j = d.schema().indexOf(c);
            if (!d.schema().feature(j).isNumeric()) {
                err.println("pellucid: ALE needs an ordered column; " + c + " is categorical, skipped (use --global pdp)");
                continue;
            }
            AccumulatedLocalEffects a = AccumulatedLocalEffects.of(model, train, j, target, Output.PROBABILITY, 20);
            list.add(a);
            JsonObject cj = new JsonObject();
            cj.addProperty("column", c);
            cj.addProperty("target", a.target());
            cj.add("edges", array(a.edges()));
            cj.add("ale", array(a.ale()));
            curves.add(cj);
            out.printf(Locale.ROOT, "ALE of %s for %s: %s … %s, range %.4f%n", a.target(), c, num(a.edges()[0]),
                    num(a.edges()[a.edges().length - 1]), range(a.ale()));
        }
        if (svg != null) {
            Cli.writeText(svg, EffectCharts.ale(list));
        }
    }

    /** Partial dependence with its ICE curves (centred ones for {@code ice}) of each column. */
    private static void pdp(Model model, Dataset d, Dataset train, List<String> cols, int target, boolean ice, long seed,
                            JsonArray curves, Path svg, PrintWriter out) {
        List<PartialDependence> list = new ArrayList<>();
        for (String c : cols) {
            PartialDependence pd = PartialDependence.of(model, train, d.schema().indexOf(c), target, Output.PROBABILITY, 20, 500,
                    ice ? 50 : 20, seed);
            list.add(pd);
            JsonObject cj = new JsonObject();
            cj.addProperty("column", c);
            cj.addProperty("target", pd.target());
            JsonArray g = new JsonArray();
            pd.grid().forEach(g::add);
            cj.add("grid", g);
            cj.add("pdp", array(pd.pdp()));
            JsonArray iceJson = new JsonArray();
            for (double[] curve : ice ? pd.centredIce() : pd.ice()) {
                iceJson.add(array(curve));
            }
            cj.add(ice ? "centred_ice" : "ice", iceJson);
            curves.add(cj);
            out.printf(Locale.ROOT, "partial dependence of %s on %s: from %.4f (%s) to %.4f (%s), range %.4f%n", pd.target(), c,
                    pd.pdp()[0], pd.grid().get(0), pd.pdp()[pd.pdp().length - 1], pd.grid().get(pd.grid().size() - 1), range(pd.pdp()));
        }
        if (svg != null) {
            Cli.writeText(svg, EffectCharts.pdp(list));
        }
    }

    private static double range(double[] v) {
        return Arrays.stream(v).max().orElse(0) - Arrays.stream(v).min().orElse(0);
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
