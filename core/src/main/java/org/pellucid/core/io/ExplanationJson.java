package org.pellucid.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.pellucid.core.explain.AttentionExplanation;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.model.Prediction;

/** Explanations and predictions as JSON objects with snake_case keys, for CLI output and reports. */
public final class ExplanationJson {
    private ExplanationJson() {}

    public static JsonObject toJson(Prediction p) {
        JsonObject o = new JsonObject();
        if (p.isClassification()) {
            o.addProperty("class", p.className());
            o.addProperty("class_index", p.classIndex());
            o.addProperty("probability", p.value());
            JsonArray a = new JsonArray();
            for (double v : p.probabilities()) {
                a.add(v);
            }
            o.add("probabilities", a);
        } else {
            o.addProperty("value", p.value());
        }
        return o;
    }

    public static JsonObject toJson(Explanation e) {
        JsonObject o = new JsonObject();
        switch (e) {
            case FeatureAttribution f -> attribution(f, o);
            case ConceptExplanation c -> concepts(c, o);
            case AttentionExplanation a -> attention(a, o);
            case RuleExplanation r -> rules(r, o);
            case TreePathExplanation t -> {
                o.addProperty("type", "tree_path");
                o.add("path", conditions(t.steps()));
                o.addProperty("outcome", t.outcome());
                o.addProperty("leaf", t.leaf());
            }
        }
        return o;
    }

    private static void attribution(FeatureAttribution f, JsonObject o) {
        o.addProperty("type", "feature_attribution");
        o.addProperty("method", f.method());
        o.addProperty("target", f.target());
        o.addProperty("output", f.output());
        o.addProperty("baseline", f.baseline());
        o.addProperty("completeness_gap", f.completenessGap());
        JsonArray cs = new JsonArray();
        for (Contribution c : f.contributions()) {
            JsonObject co = new JsonObject();
            co.addProperty("feature", c.feature());
            co.addProperty("value", c.value());
            co.addProperty("attribution", c.attribution());
            cs.add(co);
        }
        o.add("contributions", cs);
    }

    private static void concepts(ConceptExplanation c, JsonObject o) {
        o.addProperty("type", "concept");
        o.addProperty("intercept", c.intercept());
        JsonArray cs = new JsonArray();
        for (ConceptExplanation.ConceptScore s : c.concepts()) {
            JsonObject co = new JsonObject();
            co.addProperty("concept", s.concept());
            co.addProperty("probability", s.probability());
            co.addProperty("contribution", s.contribution());
            co.addProperty("intervened", s.intervened());
            cs.add(co);
        }
        o.add("concepts", cs);
        JsonArray fl = new JsonArray();
        c.flips().forEach(fl::add);
        o.add("flips", fl);
    }

    private static void attention(AttentionExplanation a, JsonObject o) {
        o.addProperty("type", "attention");
        o.addProperty("method", a.method());
        JsonArray ts = new JsonArray();
        for (int i = 0; i < a.tokens().size(); i++) {
            JsonObject t = new JsonObject();
            t.addProperty("token", a.tokens().get(i));
            t.addProperty("feature", a.tokenFeatures().get(i));
            t.addProperty("score", a.scores()[i]);
            ts.add(t);
        }
        o.add("tokens", ts);
    }

    private static void rules(RuleExplanation r, JsonObject o) {
        o.addProperty("type", "rules");
        o.addProperty("combination", r.combination());
        JsonArray rs = new JsonArray();
        for (RuleExplanation.FiredRule f : r.fired()) {
            JsonObject ro = new JsonObject();
            ro.addProperty("rule", f.toString());
            ro.add("conditions", conditions(f.conditions()));
            ro.addProperty("outcome", f.outcome());
            ro.addProperty("weight", f.weight());
            rs.add(ro);
        }
        o.add("fired", rs);
    }

    private static JsonArray conditions(List<Condition> cs) {
        JsonArray a = new JsonArray();
        cs.forEach(c -> a.add(c.toJson()));
        return a;
    }
}
