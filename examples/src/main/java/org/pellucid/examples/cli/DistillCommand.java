package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.SurrogateDistiller;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "distill", mixinStandardHelpOptions = true,
        description = {"Distil a model into a small decision tree and measure how often it agrees with the model.",
                "The teacher is a saved model directory or a model name trained here on the training split.",
                "Side by side: a tree of the same budget without sampling, and one trained on the true labels."})
final class DistillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--teacher", required = true, paramLabel = "MODEL|DIR", description = "A model name (e.g. mlp, gbm) or a saved model directory.")
    String teacher;

    @Option(names = "--max-leaves", defaultValue = "32", paramLabel = "N", description = "Leaf budget (default ${DEFAULT-VALUE}).")
    int maxLeaves;

    @Option(names = "--max-depth", defaultValue = "12", paramLabel = "N", description = "Depth limit (default ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-leaf", defaultValue = "5", paramLabel = "N", description = "Fewest rows in a leaf (default ${DEFAULT-VALUE}).")
    int minLeaf;

    @Option(names = "--samples", defaultValue = "100", paramLabel = "N",
            description = "TREPAN sampling: nodes with fewer rows get teacher-labelled rows up to N; 0 turns it off (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--confidence-weights", description = "Weight each row by the teacher's probability for its label.")
    boolean confidenceWeights;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split and the tree (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu, for a teacher trained here (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "Save the distilled tree (a `tree` model) here.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as one JSON object.")
    Path json;

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        Cli.requireDirectory(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset d = Cli.load(dataOptions, err);
        if (!d.schema().isClassification()) {
            throw new Pellucid.UsageException("distill reports agreement for classifiers; this target is numeric");
        }
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, seed);
        Dataset train = d.subset(s.train());
        Dataset test = d.subset(s.test());
        Savable teacherModel;
        long t0 = System.nanoTime();
        if (Files.isDirectory(Path.of(teacher))) {
            teacherModel = ModelFamilies.load(Path.of(teacher));
            test = ModelData.load(teacherModel, dataOptions, err).subset(s.test());
            train = ModelData.load(teacherModel, dataOptions, err).subset(s.train());
        } else {
            ModelFamily f = ModelFamilies.get(teacher);
            f.unsuitable(d).ifPresent(r -> {
                throw new Pellucid.UsageException(teacher + " cannot train on " + d.name() + ": " + r);
            });
            err.println("pellucid: training the teacher (" + teacher + ") …");
            teacherModel = f.train(train, d.subset(s.valid()), new TrainConfig(seed, DeviceChoice.parse(device),
                    ProgressListener.summary(teacher, System.err), Map.of()));
        }
        double teacherSeconds = (System.nanoTime() - t0) / 1e9;
        SurrogateDistiller distiller = SurrogateDistiller.find();
        long t1 = System.nanoTime();
        SurrogateDistiller.Surrogate r = distiller.distill(teacherModel, train,
                new SurrogateDistiller.Settings(maxLeaves, maxDepth, minLeaf, samples, confidenceWeights, seed));
        double distillSeconds = (System.nanoTime() - t1) / 1e9;
        SurrogateDistiller.Fidelity fid = distiller.fidelity(r.model(), teacherModel, test);
        SurrogateDistiller.Surrogate plain = distiller.distill(teacherModel, train,
                new SurrogateDistiller.Settings(maxLeaves, maxDepth, minLeaf, 0, confidenceWeights, seed));
        SurrogateDistiller.Fidelity plainFid = distiller.fidelity(plain.model(), teacherModel, test);
        Savable truth = ModelFamilies.get("tree").train(train, null, TrainConfig.of(seed)
                .with("max-leaves", "" + maxLeaves).with("max-depth", "" + maxDepth).with("min-leaf", "" + minLeaf));
        SurrogateDistiller.Fidelity truthFid = distiller.fidelity(truth, teacherModel, test);
        double teacherAcc = Experiment.score(teacherModel, test)[0];
        Outcome res = new Outcome(teacherModel, r, fid, plainFid, truthFid, teacherAcc, teacherSeconds, distillSeconds);
        o.printf(Locale.ROOT, "teacher %s: test accuracy %.4f%n", teacherModel.kind(), teacherAcc);
        o.printf(Locale.ROOT, "%-34s %9s %9s %7s %6s %9s%n", "tree (" + maxLeaves + " leaves max)", "agreement", "accuracy", "leaves", "depth", "avg path");
        row(o, "distilled, TREPAN sampling", fid);
        row(o, "distilled, no sampling", plainFid);
        row(o, "trained on the true labels", truthFid);
        o.printf(Locale.ROOT, "teacher queries: %d (%d sampled rows); distillation %.1fs%n", r.teacherQueries(), r.sampledRows(), distillSeconds);
        JsonObject root = res.toJson(d.name(), seed);
        if (out != null) {
            ModelStore.save(r.model(), out);
            o.println("saved to " + out);
            root.addProperty("model_dir", out.toString());
        }
        if (json != null) {
            Cli.writeJson(json, root);
        }
        return Pellucid.OK;
    }

    /**
     * A distillation's results: the surrogate and the fidelity of it and of the two baselines (the same
     * tree grown without sampling, and one grown on the true labels), with the teacher's accuracy and the times.
     */
    private record Outcome(Savable teacher, SurrogateDistiller.Surrogate surrogate, SurrogateDistiller.Fidelity fid,
                           SurrogateDistiller.Fidelity plain, SurrogateDistiller.Fidelity truth, double teacherAccuracy,
                           double teacherSeconds, double distillSeconds) {
        JsonObject toJson(String dataset, long seed) {
            JsonObject root = new JsonObject();
            root.addProperty("dataset", dataset);
            root.addProperty("model", "tree");
            root.addProperty("teacher", teacher.kind());
            root.addProperty("seed", seed);
            JsonObject f = new JsonObject();
            f.addProperty("test_agreement", fid.agreement());
            f.addProperty("baseline_cart_agreement", plain.agreement());
            f.addProperty("true_label_cart_agreement", truth.agreement());
            f.add("per_class", fid.json().get("per_class"));
            f.add("per_leaf", fid.json().get("per_leaf"));
            root.add("fidelity", f);
            JsonObject test = new JsonObject();
            test.addProperty("accuracy", fid.accuracy());
            test.addProperty("teacher_accuracy", teacherAccuracy);
            test.addProperty("baseline_cart_accuracy", plain.accuracy());
            test.addProperty("true_label_cart_accuracy", truth.accuracy());
            root.add("test", test);
            JsonObject c = new JsonObject();
            c.addProperty("leaves", fid.leaves());
            c.addProperty("depth", fid.depth());
            c.addProperty("average_path_length", fid.averagePathLength());
            root.add("complexity", c);
            JsonObject b = new JsonObject();
            b.add("no_sampling", plain.json());
            b.add("true_labels", truth.json());
            root.add("baselines", b);
            root.addProperty("teacher_queries", surrogate.teacherQueries());
            root.addProperty("sampled_rows", surrogate.sampledRows());
            JsonObject timing = new JsonObject();
            timing.addProperty("teacher_seconds", teacherSeconds);
            timing.addProperty("distill_seconds", distillSeconds);
            root.add("timing", timing);
            return root;
        }
    }

    private static void row(PrintWriter o, String name, SurrogateDistiller.Fidelity f) {
        o.printf(Locale.ROOT, "%-34s %9.4f %9.4f %7d %6d %9.2f%n", name, f.agreement(), f.accuracy(), f.leaves(), f.depth(),
                f.averagePathLength());
    }
}
