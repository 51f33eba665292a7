package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pellucid.core.train.EpochReport;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Headline benchmarks. train-step: Adam steps per second of a 20→64→64→2 ReLU MLP at batch 256 on",
                "the CPU, through Pellucid's training loop. Compare with benchmarks/train_step_torch.py (PyTorch eager)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name: train-step.")
    String name;

    @Option(names = "--steps", defaultValue = "3000", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", paramLabel = "FILE")
    Path json;

    @Option(names = "--rows", defaultValue = "50", description = "kernel-shap: test rows explained (default ${DEFAULT-VALUE}).")
    int rows;

    /** KernelSHAP on adult with the mlp: rows per second and model evaluations per row. */
    private int kernelShap() {
        PrintWriter out = spec.commandLine().getOut();
        org.pellucid.core.data.Dataset d = Cli.load("adult", null, "impute", spec.commandLine().getErr());
        org.pellucid.core.data.Splits.TrainValidTest s = org.pellucid.core.data.Splits.trainValidTest(d, 0.2, 0.2, 1);
        org.pellucid.core.data.Dataset train = d.subset(s.train());
        org.pellucid.core.data.Dataset test = d.subset(s.test());
        var model = org.pellucid.core.models.ModelFamilies.get("mlp").train(train, d.subset(s.valid()),
                org.pellucid.core.models.TrainConfig.of(1));
        var shap = new org.pellucid.eval.explainers.KernelShap(org.pellucid.eval.explainers.KernelShap.sampleBackground(train, 50, 1),
                org.pellucid.eval.explainers.Output.PROBABILITY, 1024, 10, 8192, 1);
        int n = Math.min(rows, test.size());
        shap.explain(model, test.row(0), 1); // warm-up
        long before = shap.evaluations();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            shap.explain(model, test.row(i), model.predict(test.row(i)).classIndex());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double perRow = (double) (shap.evaluations() - before) / n;
        out.printf(java.util.Locale.ROOT, "kernel-shap: %.2f rows/s on adult with mlp (%d columns, 1024 coalitions, 50 background rows,"
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
        if (name.equals("kernel-shap")) {
            return kernelShap();
        }
        if (!name.equals("train-step")) {
            throw new Pellucid.UsageException("unknown benchmark '" + name + "'; available: train-step, kernel-shap");
        }
        if (steps < 100) {
            throw new Pellucid.UsageException("--steps must be at least 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        int batch = 256;
        int perEpoch = 100;
        int n = batch * perEpoch;
        Random r = new Random(0);
        float[] x = new float[n * 20];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) r.nextGaussian();
            }
            y[i] = x[i * 20] + x[i * 20 + 1] > 0 ? 1 : 0;
        }
        TensorData data = TensorData.classification(x, n, 20, y, 2);
        int warmEpochs = 3;
        int epochs = warmEpochs + Math.max(1, steps / perEpoch);
        List<EpochReport> reports = new ArrayList<>();
        TrainingOptions o = TrainingOptions.defaults().withEpochs(epochs).withBatchSize(batch).withPatience(0)
                .withProgress(reports::add);
        Trainer.fit(new MlpNetwork(20, new int[] {64, 64}, 2), data, null, Objective.softmaxCrossEntropy(), o);
        double timed = reports.get(reports.size() - 1).seconds() - reports.get(warmEpochs - 1).seconds();
        long timedSteps = (long) (epochs - warmEpochs) * perEpoch;
        double sps = timedSteps / timed;
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "1");
        out.printf(java.util.Locale.ROOT, "train-step: %.0f Adam steps/s (20→64→64→2 MLP, batch 256, CPU, %s PyTorch thread(s), %d steps timed after %d warm-up)%n",
                sps, threads, timedSteps, warmEpochs * perEpoch);
        if (json != null) {
            JsonObject o2 = new JsonObject();
            o2.addProperty("benchmark", "train-step");
            o2.addProperty("steps_per_second", sps);
            o2.addProperty("timed_steps", timedSteps);
            o2.addProperty("seconds", timed);
            o2.addProperty("batch_size", batch);
            o2.addProperty("network", "20-64-64-2 relu");
            o2.addProperty("threads", Integer.parseInt(threads));
            o2.addProperty("engine", "DJL 0.35.1 / PyTorch 2.7.1 CPU");
            Cli.writeJson(json, o2);
        }
        return Pellucid.OK;
    }
}
