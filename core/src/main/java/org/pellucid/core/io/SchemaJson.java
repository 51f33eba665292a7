package org.pellucid.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.ColumnType;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;

/** Schema and provenance to and from JSON, for manifests and CLI output. */
public final class SchemaJson {
    private SchemaJson() {}

    public static JsonObject toJson(Schema s) {
        JsonObject o = new JsonObject();
        JsonArray f = new JsonArray();
        for (Column c : s.features()) {
            f.add(column(c));
        }
        o.add("features", f);
        o.add("target", column(s.target()));
        JsonArray c = new JsonArray();
        s.concepts().forEach(c::add);
        o.add("concepts", c);
        return o;
    }

    private static JsonObject column(Column c) {
        JsonObject o = new JsonObject();
        o.addProperty("name", c.name());
        o.addProperty("type", c.type().name().toLowerCase(Locale.ROOT));
        if (!c.categories().isEmpty()) {
            JsonArray a = new JsonArray();
            c.categories().forEach(a::add);
            o.add("categories", a);
        }
        return o;
    }

    public static Schema schemaFromJson(JsonObject o) {
        List<Column> f = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("features")) {
            f.add(columnFromJson(e.getAsJsonObject()));
        }
        List<String> concepts = new ArrayList<>();
        if (o.has("concepts")) {
            o.getAsJsonArray("concepts").forEach(e -> concepts.add(e.getAsString()));
        }
        return new Schema(f, columnFromJson(o.getAsJsonObject("target")), concepts);
    }

    private static Column columnFromJson(JsonObject o) {
        List<String> cats = new ArrayList<>();
        if (o.has("categories")) {
            o.getAsJsonArray("categories").forEach(e -> cats.add(e.getAsString()));
        }
        return new Column(o.get("name").getAsString(),
                ColumnType.valueOf(o.get("type").getAsString().toUpperCase(Locale.ROOT)), cats);
    }

    public static JsonObject toJson(Provenance p) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", p.kind());
        o.add("options", map(p.options()));
        o.addProperty("seed", p.seed());
        o.addProperty("data_fingerprint", p.dataFingerprint());
        o.addProperty("data_name", p.dataName());
        o.add("versions", map(p.versions()));
        o.addProperty("created", p.created());
        o.add("training", trainingJson(p.training()));
        return o;
    }

    /** The summary as one flat object: figures as numbers, notes as strings (what {@code train --json} shows). */
    public static JsonObject trainingJson(TrainingSummary t) {
        JsonObject o = new JsonObject();
        new TreeMap<>(t.figures()).forEach((k, v) -> {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                o.addProperty(k, v.longValue()); // counts and epochs read as integers
            } else {
                o.addProperty(k, v);
            }
        });
        new TreeMap<>(t.notes()).forEach(o::addProperty);
        return o;
    }

    private static TrainingSummary trainingFromJson(JsonObject o) {
        Map<String, Double> f = new LinkedHashMap<>();
        Map<String, String> n = new LinkedHashMap<>();
        if (o != null) {
            o.entrySet().forEach(e -> {
                var v = e.getValue().getAsJsonPrimitive();
                if (v.isNumber()) {
                    f.put(e.getKey(), v.getAsDouble());
                } else {
                    n.put(e.getKey(), v.getAsString());
                }
            });
        }
        return new TrainingSummary(f, n);
    }

    private static JsonObject map(Map<String, String> m) {
        JsonObject o = new JsonObject();
        new TreeMap<>(m).forEach(o::addProperty);
        return o;
    }

    public static Provenance provenanceFromJson(JsonObject o) {
        Map<String, String> opts = new LinkedHashMap<>();
        o.getAsJsonObject("options").entrySet().forEach(e -> opts.put(e.getKey(), e.getValue().getAsString()));
        Map<String, String> vers = new LinkedHashMap<>();
        o.getAsJsonObject("versions").entrySet().forEach(e -> vers.put(e.getKey(), e.getValue().getAsString()));
        return new Provenance(o.get("kind").getAsString(), opts, o.get("seed").getAsLong(),
                o.get("data_fingerprint").getAsString(), o.get("data_name").getAsString(), vers, o.get("created").getAsString(),
                trainingFromJson(o.has("training") ? o.getAsJsonObject("training") : null));
    }
}
