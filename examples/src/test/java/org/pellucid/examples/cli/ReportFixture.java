package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.train.DeviceChoice;

/** A real, small comparison for report tests: four models on the known-rule data, scored on 20 rows. */
public final class ReportFixture {
    private static JsonObject cached;

    private ReportFixture() {}

    public static synchronized JsonObject comparison() {
        if (cached == null) {
            var families = List.of(ModelFamilies.get("logistic"), ModelFamilies.get("tree"), ModelFamilies.get("gbm"),
                    ModelFamilies.get("cbm"));
            PrintWriter sink = new PrintWriter(new StringWriter());
            cached = CompareCommand.run(SyntheticData.rule(600, 5), families, 1, DeviceChoice.CPU, 0, 20, true, sink, sink).json();
            cached.addProperty("title", "report test");
        }
        return cached.deepCopy();
    }
}
