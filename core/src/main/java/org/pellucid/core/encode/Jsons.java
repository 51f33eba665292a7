package org.pellucid.core.encode;

import com.google.gson.JsonArray;

/** Small helpers between Gson arrays and Java arrays (exact: doubles round-trip through Gson). */
public final class Jsons {
    private Jsons() {}

    public static JsonArray array(double[] v) {
        JsonArray a = new JsonArray(v.length);
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    public static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }
}
