package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetRegistry;
import org.pellucid.core.data.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets that can be loaded by name, with their sizes.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--no-count", description = "Do not load each dataset to count rows and columns.")
    boolean noCount;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the list as JSON.")
    Path json;

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        PrintWriter out = spec.commandLine().getOut();
        Path dir = DatasetRegistry.dataDirectory();
        out.println("data directory: " + dir + (Files.isDirectory(dir) ? "" : "  (missing: set PELLUCID_DATA)"));
        out.printf("%-22s %-10s %-18s %s%n", "name", "status", "rows x columns", "description");
        JsonArray arr = new JsonArray();
        for (DatasetRegistry.Entry e : DatasetRegistry.entries()) {
            boolean there = DatasetRegistry.isAvailable(e.name());
            String size = "";
            JsonObject o = new JsonObject();
            o.addProperty("name", e.name());
            o.addProperty("available", there);
            o.addProperty("description", e.description());
            if (there && !noCount) {
                Dataset d = DatasetRegistry.load(e.name());
                int cols = d.hasTokens() ? 1 : d.schema().featureCount();
                size = d.size() + " x " + cols + (d.hasTokens() ? " (text)" : "");
                o.addProperty("rows", d.size());
                o.addProperty("columns", cols);
                o.addProperty("classes", d.schema().classes().size());
            }
            out.printf("%-22s %-10s %-18s %s%n", e.name(), there ? "available" : "absent", size, e.description());
            arr.add(o);
        }
        for (String s : SyntheticData.NAMES) {
            out.printf("%-22s %-10s %-18s %s%n", "synthetic:" + s, "built in", DatasetRegistry.DEFAULT_SYNTHETIC_ROWS + " x ?",
                    s.equals("rule") ? "known rule: " + SyntheticData.RULE_TEXT : "concept task (Espinosa Zarlenga et al. 2022)");
            JsonObject o = new JsonObject();
            o.addProperty("name", "synthetic:" + s);
            o.addProperty("available", true);
            arr.add(o);
        }
        if (json != null) {
            JsonObject root = new JsonObject();
            root.addProperty("data_directory", dir.toString());
            root.add("datasets", arr);
            Cli.writeJson(json, root);
        }
        return Pellucid.OK;
    }
}
