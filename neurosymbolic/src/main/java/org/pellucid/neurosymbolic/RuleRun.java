package org.pellucid.neurosymbolic;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.Torch;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * One training of the rule layer from one random start: the injected rules read, the literals
 * binarised, the network initialised (injected rules on their own nodes, KBANN-style), trained, and
 * its crisp rules extracted ({@link CrispExtraction}). {@link RulesFamily} runs several and keeps one.
 */
final class RuleRun {
    private RuleRun() {}

    /** One training; the soft network's validation scores go to {@code softLogits}, keyed by the model. */
    static RuleModel fit(Dataset train, Dataset valid, TrainConfig cfg, OptionTable.Values v, Map<RuleModel, float[]> softLogits) {
        Schema s = train.schema();
        int classes = s.classes().size();
        List<RuleParser.Parsed> injected = injected(v, s);
        boolean freeze = v.flag("freeze");
        List<Literal> extra = new ArrayList<>();
        injected.forEach(p -> extra.addAll(p.literals()));
        Binarizer bin = Binarizer.fit(train, v.integer("bins"), extra);
        int free = v.integer("rules");
        int disj = v.integer("disjunctions");
        if (free + injected.size() + disj == 0) {
            throw new IllegalArgumentException("option rules is 0 and there are no disjunctions or injected rules: the model would have no node");
        }
        int conj = free + injected.size();
        ParamLayout layout = new RuleNetwork(bin.size(), conj, disj, classes, null).layout();
        float[][] start = start(layout, bin, injected, free, conj + disj, classes, freeze);
        RuleNetwork net = new RuleNetwork(bin.size(), conj, disj, classes, start[0]);
        int batch = v.integer("batch-size", () -> Math.max(16, Math.min(128, train.size() / 32)));
        TrainingOptions o = new TrainingOptions(v.integer("epochs"), batch,
                v.number("lr"), 0, false, v.integer("patience"), cfg.seed(), cfg.device(), cfg.progress());
        // model selection on validation by macro-F1, the measure rule models are compared on
        TrainResult res = Trainer.fit(net, data(train, bin), valid == null ? null : data(valid, bin),
                net.objective(v.number("lambda"), classWeights(train, v)), Trainer.ValidationMetric.macroF1(classes),
                net.constraints(freeze ? start[1] : null), o);
        float[] p = res.parameters();
        RuleModel model = CrispExtraction.extract(s, bin, p, layout, free, conj, disj, classes, injected, train, cfg, v, res);
        if (valid == null || valid.size() == 0) {
            return model;
        }
        float[] logits = softLogits(net, p, data(valid, bin));
        double soft = accuracy(logits, valid.labels(), classes);
        double crisp = Scores.accuracy(valid.labels(), Scores.classes(model.predictAll(valid)));
        Provenance pv = model.provenance();
        RuleModel withGap = model.withProvenance(pv.withTraining(pv.training().with("soft_valid_accuracy", soft)
                .with("crisp_valid_accuracy", crisp)));
        softLogits.put(withGap, logits);
        return withGap;
    }

    /** The expert rules of option {@code rules-file}, parsed in the data's terms (none without the option). */
    private static List<RuleParser.Parsed> injected(OptionTable.Values v, Schema s) {
        String file = v.text("rules-file", () -> null);
        if (file == null) {
            return List.of();
        }
        try {
            return RuleParser.parse(Files.readString(Path.of(file)), s);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the rules file " + file + ": " + e.getMessage());
        } catch (RuleParser.RuleSyntaxException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /**
     * The network's start (NaN: initialised at random) and, for frozen injected rules, the values kept
     * (NaN elsewhere): {start, frozen}. An injected rule's node starts with exactly its literals and a
     * vote of 2 for its class.
     */
    private static float[][] start(ParamLayout layout, Binarizer bin, List<RuleParser.Parsed> injected, int free, int nodes, int classes,
                                   boolean freeze) {
        int k = bin.size();
        float[] init = new float[(int) layout.size()];
        Arrays.fill(init, Float.NaN);
        float[] frozen = new float[init.length];
        Arrays.fill(frozen, Float.NaN);
        ParamLayout.Slot cw = layout.slot("conj_w");
        ParamLayout.Slot ow = layout.slot("out_w");
        for (int r = 0; r < injected.size(); r++) {
            int node = free + r;
            Set<Integer> lits = new HashSet<>();
            injected.get(r).literals().forEach(l -> lits.add(bin.indexOf(l)));
            for (int j = 0; j < k; j++) {
                int at = (int) cw.offset() + node * k + j;
                init[at] = lits.contains(j) ? 1f : 0f;
                if (freeze) {
                    frozen[at] = init[at];
                }
            }
            for (int c = 0; c < classes; c++) {
                init[(int) ow.offset() + c * nodes + node] = c == injected.get(r).outcome() ? 2f : 0f;
            }
        }
        return new float[][] {init, frozen};
    }

    /**
     * Class weights of the loss for option {@code balance}: class c weighs (n / (k·n_c))^power, so at
     * power 1 each class weighs as much as the others and rules for a rare class pay off; null at 0.
     */
    private static float[] classWeights(Dataset train, OptionTable.Values v) {
        int classes = train.schema().classes().size();
        int[] counts = train.classCounts();
        int minority = Arrays.stream(counts).min().orElse(0);
        boolean rare = minority < 0.6 * train.size() / classes;
        double power = RulesFamily.balancePower(v.text("balance", () -> rare ? "0.5" : "false"));
        if (power <= 0) {
            return null;
        }
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 0f : (float) Math.pow((double) train.size() / (classes * counts[c]), power);
        }
        return weights;
    }

    static TensorData data(Dataset d, Binarizer bin) {
        return TensorData.classification(bin.applyAll(d), d.size(), bin.size(), d.labels(), d.schema().classes().size());
    }

    /** Class scores of the soft network (continuous nodes) on rows, row-major: the other side of the soft/crisp gap. */
    static float[] softLogits(RuleNetwork net, float[] params, TensorData d) {
        try (NDManager m = Torch.engine().newBaseManager(Device.cpu())) {
            Params p = Params.view(net.layout(), m.create(params));
            NDArray x = m.create(d.features(), new Shape(d.rows(), d.width()));
            NDArray h = net.softActivations(p, x);
            return h.getNDArrayInternal().linear(h, p.get("out_w"), p.get("out_b")).singletonOrThrow().toFloatArray();
        }
    }

    /** Share of rows whose highest score is their label. */
    static double accuracy(float[] scores, int[] labels, int classes) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[i * classes + c] > scores[i * classes + best]) {
                    best = c;
                }
            }
            right += best == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }
}
