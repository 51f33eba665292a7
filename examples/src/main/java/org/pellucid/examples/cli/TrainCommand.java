package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a stratified 60/20/20 split (validation for early stopping) and score it on the test part.",
                "MODEL is one of the families listed below; 'pellucid train MODEL --help' lists its options (-o NAME=VALUE)."})
final class TrainCommand implements Callable<Integer> {
    /** The help section that lists the model families, or one family's options when MODEL is given. */
    static final String MODEL_SECTION = "models";

    /** Adds the models section to {@code train --help}, after the options and before the footer. */
    static void installHelp(CommandLine train) {
        List<String> keys = new ArrayList<>(train.getHelpSectionKeys());
        int at = keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
        keys.add(at < 0 ? keys.size() : at, MODEL_SECTION);
        train.setHelpSectionKeys(keys);
        train.getHelpSectionMap().put(MODEL_SECTION, help -> modelHelp(((TrainCommand) help.commandSpec().userObject()).model));
    }

    /** The registered families, or the options of {@code kind} with their defaults, ranges and meanings. */
    static String modelHelp(String kind) {
        StringBuilder b = new StringBuilder();
        if (kind == null) {
            b.append("%nModels:%n".formatted());
            List<ModelFamily> all = ModelFamilies.all();
            int w = all.stream().mapToInt(f -> f.kind().length()).max().orElse(0);
            for (ModelFamily f : all) {
                b.append(String.format(Locale.ROOT, "  %-" + w + "s  %s%n", f.kind(), f.description()));
            }
            return b.toString();
        }
        ModelFamily f;
        try {
            f = ModelFamilies.get(kind);
        } catch (IllegalArgumentException e) {
            return "%n%s%n".formatted(e.getMessage());
        }
        b.append("%nOptions of %s (%s), set with -o NAME=VALUE:%n".formatted(f.kind(), f.description()));
        if (f.options().names().isEmpty()) {
            b.append("  (none)%n".formatted());
        }
        f.options().helpLines().forEach(l -> b.append(l).append(System.lineSeparator()));
        return b.toString();
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model family (see Models below).")
    String model;


    @Option(names = "--out", paramLabel = "DIR", description = "Save the trained model to this directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split, initialisation and batch order (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = "Also run stratified K-fold cross-validation.")
    int cv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as one JSON object.")
    Path json;


    @Option(names = "--epochs", description = "Maximum training epochs.")
    Integer epochs;

    @Option(names = "--lr", description = "Learning rate.")
    Double lr;

    @Option(names = "--hidden", description = "Hidden layer sizes, e.g. 64,64 (mlp).")
    String hidden;

    @Option(names = "--max-features", paramLabel = "K", description = "Sparse models: keep at most K columns.")
    Integer maxFeatures;

    @Option(names = "--max-leaves", paramLabel = "N", description = "Tree models: leaf budget.")
    Integer maxLeaves;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule models: expert rules to inject (IF … THEN class, one per line).")
    Path rulesFile;

    @Option(names = "--mode", description = "Concept models: joint, sequential or independent training.")
    String mode;

    @Option(names = "--intervention-curve", description = "Concept models: measure task accuracy after intervening on 0, 1, … concepts.")
    boolean interventionCurve;

    @Option(names = "--policy", defaultValue = "uncertainty",
            description = "Intervention order: random, uncertainty or greedy (default ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "A model option (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    /** The family options: {@code -o key=value} pairs, with the named shortcuts (--epochs, --lr, …) added on top. */
    private Map<String, String> familyOptions() {
        Map<String, String> opts = new LinkedHashMap<>(options);
        if (epochs != null) {
            opts.put("epochs", epochs.toString());
        }
        if (lr != null) {
            opts.put("lr", lr.toString());
        }
        if (hidden != null) {
            opts.put("hidden", hidden);
        }
        if (maxFeatures != null) {
            opts.put("max-features", maxFeatures.toString());
        }
        if (maxLeaves != null) {
            opts.put("max-leaves", maxLeaves.toString());
        }
        if (mode != null) {
            opts.put("mode", mode);
        }
        if (rulesFile != null) {
            if (!Files.isRegularFile(rulesFile)) {
                throw new Pellucid.UsageException("--rules: no such file " + rulesFile);
            }
            opts.put("rules-file", rulesFile.toString());
        }
        return opts;
    }

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        Cli.requireDirectory(out, "--out");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ModelFamily family = ModelFamilies.get(model);
        if (cv == 1 || cv < 0) {
            throw new Pellucid.UsageException("--cv must be at least 2 (or 0 for none), got " + cv);
        }
        Map<String, String> opts = familyOptions();
        HasConcepts.Policy pol;
        try {
            pol = HasConcepts.Policy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new Pellucid.UsageException(e.getMessage());
        }
        TrainConfig cfg = new TrainConfig(seed, DeviceChoice.parse(device), ProgressListener.auto(model), opts);
        Dataset d = Cli.load(dataOptions, err);
        family.unsuitable(d).ifPresent(r -> {
            throw new Pellucid.UsageException(model + " cannot train on " + d.name() + ": " + r);
        });
        Experiment.Result r = Experiment.run(family, d, cfg, cv);
        Experiment.lines(r).forEach(stdout::println);
        JsonObject o = Experiment.toJson(r, d, seed, opts);
        if (r.model() instanceof HasConcepts cm) {
            ConceptReport.add(cm, r.test(), o, interventionCurve ? pol : null, seed).forEach(stdout::println);
        } else if (interventionCurve) {
            throw new Pellucid.UsageException("--intervention-curve applies to concept models (cbm, cem), not " + model);
        }
        if (out != null) {
            ModelStore.save(r.model(), out);
            stdout.println("saved to " + out);
            o.addProperty("model_dir", out.toString());
        }
        if (json != null) {
            Cli.writeJson(json, o);
        }
        return Pellucid.OK;
    }
}
