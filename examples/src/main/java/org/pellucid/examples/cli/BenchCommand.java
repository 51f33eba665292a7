package org.pellucid.examples.cli;

import ai.djl.engine.Engine;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.explain.AttentionMaps;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.EpochReport;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.Torch;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Headline benchmarks: train-step, kernel-shap, attention-flow.",
                "train-step: Adam steps per second of a 20→64→64→2 ReLU MLP at batch 256 on the CPU, through Pellucid's "
                + "training loop; compare with benchmarks/train_step_torch.py (PyTorch eager)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name: train-step, kernel-shap or attention-flow.")
    String name;

    @Option(names = "--steps", defaultValue = "3000", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the measurements as one JSON object.")
    Path json;

    @Option(names = "--rows", defaultValue = "50", description = "kernel-shap: test rows explained (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--layers", defaultValue = "6", description = "attention-flow: layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--tokens", defaultValue = "32", description = "attention-flow: tokens (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--device", defaultValue = "cpu", description = "train-step: auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--hidden", defaultValue = "64,64", split = ",", description = "train-step: hidden widths (default ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--batch", defaultValue = "256", description = "train-step: rows per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--instances", defaultValue = "20", description = "attention-flow: timed instances (default ${DEFAULT-VALUE}).")
    int instances;

    /**
     * Attention flow — the full matrix, from every input token to every output token, as the
     * reference code computes it — and rollout, on random attention stacks of 4 heads with
     * softmax-distributed rows. The JSON carries one instance's residual-adjusted capacities and
     * flows, so benchmarks/attention_flow_networkx.py can check and time networkx on the same graph.
     */
    private int attentionFlow() {
        if (layers < 1 || tokens < 2 || instances < 1) {
            throw new Pellucid.UsageException("--layers ≥ 1, --tokens ≥ 2 and --instances ≥ 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        double[][][][][] inst = randomAttention();
        var mean = AttentionMaps.HeadFusion.MEAN;
        double[][] first = AttentionMaps.flowMatrix(inst[0], mean);
        double flowMs = msPerInstance(inst, a -> AttentionMaps.flowMatrix(a, mean));
        double rowMs = msPerInstance(inst, a -> AttentionMaps.flow(a, mean, 0));
        double rollMs = msPerInstance(inst, a -> AttentionMaps.rollout(a, mean));
        double rollRowMs = msPerInstance(inst, a -> AttentionMaps.rolloutRow(a, mean, 0));
        out.printf(Locale.ROOT, "attention-flow: %.3f ms per instance for the full flow matrix (%d layers × %d tokens, 4 heads, "
                + "%d max-flows); %.3f ms for the output token's row alone; rollout %.4f ms per instance (full matrix), "
                + "%.4f ms (output row, what explanations use)%n", flowMs, layers, tokens, tokens * tokens, rowMs, rollMs, rollRowMs);
        if (json != null) {
            JsonObject o = new JsonObject();
            o.addProperty("benchmark", "attention-flow");
            o.addProperty("layers", layers);
            o.addProperty("tokens", tokens);
            o.addProperty("heads", 4);
            o.addProperty("instances", instances);
            o.addProperty("ms_per_instance", flowMs);
            o.addProperty("max_flows_per_instance", tokens * tokens);
            o.addProperty("output_row_ms_per_instance", rowMs);
            o.addProperty("rollout_ms_per_instance", rollMs);
            o.addProperty("rollout_row_ms_per_instance", rollRowMs);
            JsonArray cap = new JsonArray();
            for (double[][] l : AttentionMaps.adjusted(inst[0], mean)) {
                JsonArray la = new JsonArray();
                for (double[] row : l) {
                    JsonArray ra = new JsonArray();
                    for (double v : row) {
                        ra.add(v);
                    }
                    la.add(ra);
                }
                cap.add(la);
            }
            o.add("check_capacities", cap);
            JsonArray fl = new JsonArray();
            for (double[] row : first) {
                JsonArray ra = new JsonArray();
                for (double v : row) {
                    ra.add(v);
                }
                fl.add(ra);
            }
            o.add("check_flows", fl);
            Cli.writeJson(json, o);
        }
        return Pellucid.OK;
    }

    /**
     * Mean ms per instance of {@code body}: passes over all instances for half a second untimed (the
     * JIT's warm-up), then timed passes until at least a second has gone by.
     */
    private static double msPerInstance(double[][][][][] inst, Consumer<double[][][][]> body) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (double[][][][] a : inst) {
                body.accept(a);
            }
        }
        long t0 = System.nanoTime();
        long passes = 0;
        do {
            for (double[][][][] a : inst) {
                body.accept(a);
            }
            passes++;
        } while (System.nanoTime() - t0 < 1_000_000_000L);
        return (System.nanoTime() - t0) / 1e6 / (passes * inst.length);
    }

    /** KernelSHAP on adult with the mlp: rows per second and model evaluations per row. */
    private int kernelShap() {
        PrintWriter out = spec.commandLine().getOut();
        Dataset d = Cli.load("adult", null, "impute", spec.commandLine().getErr());
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, 1);
        Dataset train = d.subset(s.train());
        Dataset test = d.subset(s.test());
        var model = ModelFamilies.get("mlp").train(train, d.subset(s.valid()),
                TrainConfig.of(1));
        var shap = new KernelShap(KernelShap.sampleBackground(train, 50, 1),
                Output.PROBABILITY, 1024, 10, 8192, 1);
        int n = Math.min(rows, test.size());
        shap.explain(model, test.row(0), 1); // warm-up
        long before = shap.evaluations();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            shap.explain(model, test.row(i), model.predict(test.row(i)).classIndex());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double perRow = (double) (shap.evaluations() - before) / n;
        out.printf(Locale.ROOT, "kernel-shap: %.2f rows/s on adult with mlp (%d columns, 1024 coalitions, 50 background rows,"
                + " %.0f model evaluations per row, batches of 8192 rows)%n", n / secs, d.schema().featureCount(), perRow);
        if (json != null) {
            JsonObject o = new JsonObject();
            o.addProperty("benchmark", "kernel-shap");
            o.addProperty("dataset", "adult");
            o.addProperty("model", "mlp");
            o.addProperty("rows_per_second", n / secs);
            o.addProperty("model_evaluations_per_row", perRow);
            o.addProperty("rows", n);
            o.addProperty("coalitions", 1024);
            o.addProperty("background_rows", 50);
            Cli.writeJson(json, o);
        }
        return Pellucid.OK;
    }

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        if (name.equals("kernel-shap")) {
            return kernelShap();
        }
        if (name.equals("attention-flow")) {
            return attentionFlow();
        }
        if (!name.equals("train-step")) {
            throw new Pellucid.UsageException("unknown benchmark '" + name + "'; available: train-step, kernel-shap, attention-flow");
        }
        return trainStep();
    }

    /** Adam steps per second of the MLP on Gaussian inputs whose class is the sign of x0 + x1, after three warm-up epochs. */
    private int trainStep() {
        if (steps < 100) {
            throw new Pellucid.UsageException("--steps must be at least 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (batchSize < 1 || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new Pellucid.UsageException("--batch and every --hidden width must be at least 1");
        }
        DeviceChoice choice = DeviceChoice.parse(device);
        String where = choice.resolve().toString();
        int batch = batchSize;
        int perEpoch = 100;
        int n = batch * perEpoch;
        TensorData data = signOfSum(n);
        int warmEpochs = 3;
        int epochs = warmEpochs + Math.max(1, steps / perEpoch);
        List<EpochReport> reports = new ArrayList<>();
        TrainingOptions o = TrainingOptions.defaults().withEpochs(epochs).withBatchSize(batch).withPatience(0)
                .withDevice(choice).withProgress(reports::add);
        Trainer.fit(new MlpNetwork(20, hidden, 2), data, null, Objective.softmaxCrossEntropy(), o);
        double timed = reports.get(reports.size() - 1).seconds() - reports.get(warmEpochs - 1).seconds();
        long timedSteps = (long) (epochs - warmEpochs) * perEpoch;
        double sps = timedSteps / timed;
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "1");
        String net = "20-" + Arrays.stream(hidden).mapToObj(String::valueOf).collect(Collectors.joining("-")) + "-2";
        out.printf(Locale.ROOT, "train-step: %.0f Adam steps/s (%s MLP, batch %d, %s, %s PyTorch thread(s), %d steps timed after %d warm-up)%n",
                sps, net, batch, where, threads, timedSteps, warmEpochs * perEpoch);
        if (json != null) {
            JsonObject o2 = new JsonObject();
            o2.addProperty("benchmark", "train-step");
            o2.addProperty("steps_per_second", sps);
            o2.addProperty("timed_steps", timedSteps);
            o2.addProperty("seconds", timed);
            o2.addProperty("batch_size", batch);
            o2.addProperty("network", net + " relu");
            o2.addProperty("device", where);
            o2.addProperty("threads", Integer.parseInt(threads));
            o2.addProperty("engine", "DJL " + Engine.getDjlVersion() + " / PyTorch " + Torch.engine().getVersion());
            Cli.writeJson(json, o2);
        }
        return Pellucid.OK;
    }

    /** n rows of 20 standard normal inputs (seed 0) labelled 1 when x0 + x1 &gt; 0. */
    private static TensorData signOfSum(int n) {
        Random r = new Random(0);
        float[] x = new float[n * 20];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) r.nextGaussian();
            }
            y[i] = x[i * 20] + x[i * 20 + 1] > 0 ? 1 : 0;
        }
        return TensorData.classification(x, n, 20, y, 2);
    }

    /** Per instance, layer and head (4), a row-stochastic attention matrix of log-normal weights (seed 7). */
    private double[][][][][] randomAttention() {
        Random r = new Random(7);
        double[][][][][] inst = new double[instances][][][][];
        for (int n = 0; n < instances; n++) {
            inst[n] = new double[layers][4][tokens][tokens];
            for (double[][][] l : inst[n]) {
                for (double[][] h : l) {
                    for (double[] row : h) {
                        double sum = 0;
                        for (int j = 0; j < tokens; j++) {
                            row[j] = Math.exp(1.5 * r.nextGaussian());
                            sum += row[j];
                        }
                        for (int j = 0; j < tokens; j++) {
                            row[j] /= sum;
                        }
                    }
                }
            }
        }
        return inst;
    }
}
