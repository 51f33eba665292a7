package org.pellucid.additive;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.NeuralData;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.NetworkRunner;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;

/**
 * {@code ga2m}: a generalized additive model with a few pairwise interactions (GA²M: Lou, Caruana,
 * Gehrke, Hooker, KDD 2013), trained as neural networks and deployed as lookup tables.
 *
 * <ol>
 *   <li>Main effects: by default boosted straight into each column's table ({@link BoostedShapes}: cyclic
 *       gradient boosting, as InterpretML's EBM fits them); with {@code mains=network}, the {@code nam}
 *       network ({@link NamFamily}) with its options, read into the tables.
 *   <li>Pairs: FAST ({@link PairRanking}) ranks every pair of columns on the main effects' residuals on
 *       the training rows; the best {@code pairs} get one small network each ({@link PairNetwork}),
 *       trained on top of the frozen main effects.
 *   <li>Tables: every shape and pair is read off its network on a grid (up to {@code grid} quantiles
 *       of each numeric column, every category), pairs are purified into the main effects on the
 *       training rows' distribution (Lengerich et al. 2020) and the shapes centred into the bias
 *       ({@link AdditiveTables}). The tables are the model; how often they predict the class the
 *       networks predict, on the validation rows, is kept in the training record
 *       ({@code lookup_agreement_valid}).
 * </ol>
 */
public final class Ga2mFamily extends BasicFamily {
    /** The options: nam's (for {@code mains=network}), the boosted main effects', then the pairs' and the tables'. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .including(NamFamily.OPTIONS) // monotone columns are kept out of pairs, so their shapes stay monotone
            .integer("pairs", 10, 0, 100, "pairwise interactions kept, the best by FAST on the main effects' residuals")
            .choice("mains", "boosted", List.of("boosted", "network"),
                    "how the main effects are learned: boosted, cyclic gradient boosting of each column's table (Lou et al. 2012, "
                    + "InterpretML's EBM; adult CV macro-F1 0.8189, 69 s); network, a nam with the options above (0.8072, 215 s)")
            .number("boost-lr", 0.05, 0, true, 1, "mains=boosted: the learning rate of each step")
            .integer("boost-cycles", 2000, 1, 1_000_000, "mains=boosted: most passes over the columns")
            .integer("boost-patience", 50, 1, 1_000_000, "mains=boosted: cycles without a better validation cross-entropy before stopping")
            .integer("boost-leaves", 3, 2, 256, "mains=boosted: most leaves (ranges of cells) of a numeric column's tree per step")
            .number("boost-l2", 1e-3, 0, false, 1e6, "mains=boosted: added to a leaf's Hessian sum (shrinks leaves few rows decide)")
            .number("boost-min-rows", 2, 0, false, 1e9, "mains=boosted: least training rows in a leaf")
            .number("boost-min-gain", 5, 0, false, 1e9, "mains=boosted: least gain of a cut (XGBoost's gamma); smaller cuts are not taken "
                    + "(demo's noise columns span 16% of the widest shape at 0, 1.4% at 5; adult CV macro-F1 0.8189 at 0, 0.8155 at 5, 0.8115 at 20)")
            .number("pair-min-gain", 1, 0, false, 1e12, "least FAST gain (drop in the residuals' squared error) of a pair kept: "
                    + "pairs that explain nothing are not fitted (the demo's best pair gains 0.1, adult's tenth 2.3)")
            .integer("pair-hidden", 16, 1, 1024, "units in each hidden layer of a pair's network (two layers)")
            .number("pair-lr", 0.005, 0, true, 10, "Adam learning rate of the pairs")
            .number("pair-weight-decay", 1e-4, 0, false, 1e6, "decoupled weight decay of the pairs")
            .integer("pair-epochs", 300, 1, 1_000_000, "most passes over the training rows for the pairs")
            .integer("pair-patience", 30, 1, 1_000_000, "epochs without a better validation cross-entropy before the pairs stop "
                    + "(magic04 CV macro-F1 0.8544 at 15 with 100 epochs, 0.8557 at 30 with 300)")
            .integer("grid", 512, 2, 100_000, "most lookup-table points of a numeric column's shape (all its training values if fewer, "
                    + "else half at quantiles, half evenly spaced)")
            .integer("pair-grid", 64, 2, 1024, "most lookup-table points of a numeric column in a pair, and for FAST's cells "
                    + "(magic04 CV macro-F1 0.8538 at 32, 0.8544 at 64)")
            .build();

    /** nam's options that only the network main effects read (batch-size, monotone and decision serve the pairs and tables too). */
    /** The options of nam's table that boosted main effects read too: the decision rule, the pairs' batch size, monotone columns. */
    static final Set<String> SHARED_WITH_BOOSTED = Set.of("decision", "batch-size", "monotone");
    /** Every other option of nam's table is for {@code mains=network} only, so a new nam option is refused under boosted mains until it says otherwise. */
    static final List<String> NAM_ONLY = NamFamily.OPTIONS.names().stream().filter(n -> !SHARED_WITH_BOOSTED.contains(n)).toList();

    /** The family, as the registry creates it. */
    public Ga2mFamily() {
        super("ga2m", true, "additive model with purified pairwise interactions (GA²M): boosted shapes, network pairs, deployed as lookup tables", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        return new NamFamily().unsuitable(data);
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        return trainWithNetworks(train, valid, cfg).model();
    }

    /** A trained ga2m with the networks its tables were read from (kept only for checking the tables against them). */
    record Trained(Ga2mModel model, Mains mains, FeatureEncoder encoder, PairNetwork pairs, float[] pairParameters,
                   double[] decisionOffsets) {
        /** The networks' logits for {@code d}'s rows (main effects plus pairs, plus the tables' decision offsets), row-major. */
        float[] networkLogits(Dataset d) {
            int k = d.schema().classes().size();
            float[] out = mains.logits(d);
            if (pairs.inputsOfPair.length > 0) {
                float[] x = encoder.encodeAllFlat(d);
                out = logits(pairs, pairParameters, withOffsets(x, out, d, encoder.width(), k).features(), d.size());
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) decisionOffsets[i % k];
            }
            return out;
        }

        /** Share of {@code d}'s rows where the tables predict the networks' class, and the largest logit gap. */
        double[] agreement(Dataset d) {
            return Ga2mFamily.agreement(model.tables(), d, networkLogits(d), d.schema().classes().size());
        }
    }

    /** The first stage, the main effects: their logits for any rows, and their values on the tables' cells. */
    interface Mains {
        /** Row-major logits of the main effects (with their bias) for every row of {@code d}. */
        float[] logits(Dataset d);

        /** Writes the bias and every column's value on each of its cells into {@code t}. */
        void writeTables(AdditiveTables t);

        /** What training found. */
        TrainingSummary summary();
    }

    /** Main effects that are a {@code nam}'s networks, read into the tables on the cells' values. */
    record NetworkMains(NamFamily.Fitted nam) implements Mains {
        @Override
        public float[] logits(Dataset d) {
            return nam.logits(nam.encoder().encodeAllFlat(d), d.size());
        }

        @Override
        public void writeTables(AdditiveTables t) {
            NamModel model = new NamModel(nam.encoder(), nam.net(), nam.bags(), null); // never saved: no provenance
            int cols = t.axes.length;
            double[] raw = new double[cols];
            Arrays.fill(raw, Double.NaN);
            FeatureEncoder enc = nam.encoder();
            System.arraycopy(model.contributionsEncoded(enc.encode(raw), cols)[cols], 0, t.bias, 0, t.classes);
            for (int j = 0; j < cols; j++) {
                Arrays.fill(raw, Double.NaN);
                for (int c = 0; c < t.axes[j].size(); c++) {
                    raw[j] = t.axes[j].value(c);
                    t.main[j][c] = model.contributionsEncoded(enc.encode(raw), cols)[j];
                }
            }
        }

        @Override
        public TrainingSummary summary() {
            return nam.summary();
        }
    }

    /** Main effects boosted straight into the tables' cells ({@link BoostedShapes}). */
    record BoostedMains(AdditiveTables tables, BoostedShapes.Result result) implements Mains {
        @Override
        public float[] logits(Dataset d) {
            return tables.logitsOf(d);
        }

        @Override
        public void writeTables(AdditiveTables t) {
            System.arraycopy(tables.bias, 0, t.bias, 0, t.classes);
            for (int j = 0; j < t.main.length; j++) {
                for (int c = 0; c < t.main[j].length; c++) {
                    t.main[j][c] = tables.main[j][c].clone();
                }
            }
        }

        @Override
        public TrainingSummary summary() {
            return TrainingSummary.none().with("boost_best_cycle", result.bestCycle()).with("boost_cycles", result.cycles());
        }
    }

    /** nam's options mean nothing to boosted main effects: giving one is an error, not a silent no-op. */
    private static void refuseNamOnly(TrainConfig cfg) {
        for (String namOnly : NAM_ONLY) {
            if (cfg.options().containsKey(namOnly)) {
                throw new IllegalArgumentException("option " + namOnly + " is for mains=network (the nam main effects); "
                        + "the boosted main effects read the boost-* options");
            }
        }
    }

    /** Each column's lookup-table axis of up to {@code grid} points ({@link AdditiveTables.Axis#of}). */
    private static AdditiveTables.Axis[] axes(Dataset train, FeatureEncoder enc, int grid) {
        int cols = train.schema().featureCount();
        AdditiveTables.Axis[] axes = new AdditiveTables.Axis[cols];
        for (int j = 0; j < cols; j++) {
            double[] col = new double[train.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = train.value(i, j);
            }
            axes[j] = AdditiveTables.Axis.of(train.schema().feature(j), col, enc.statistics(j)[0], grid);
        }
        return axes;
    }

    Trained trainWithNetworks(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        boolean boosted = v.choice("mains").equals("boosted");
        if (boosted) {
            refuseNamOnly(cfg);
        }
        requireSuitable(train); // ga2m suits exactly the data nam suits
        NamFamily.Fitted nam = boosted ? null : NamFamily.fit(train, valid, cfg, v, false); // offsets are tuned on the finished tables
        FeatureEncoder enc = boosted ? FeatureEncoder.fit(train) : nam.encoder();
        int k = train.schema().classes().size();
        float[] xt = enc.encodeAllFlat(train);

        AdditiveTables.Axis[] axes = axes(train, enc, v.integer("grid"));
        AdditiveTables.Axis[] pairAxes = axes(train, enc, v.integer("pair-grid"));
        Mains mains = boosted ? boosted(train, valid, v, axes, pairAxes) : new NetworkMains(nam);
        float[] mainTrain = mains.logits(train);
        List<PairRanking.Scored> chosen = chosenPairs(train, v, pairAxes, mainTrain);
        int[][] pairs = chosen.stream().map(s -> new int[] {s.first(), s.second()}).toArray(int[][]::new);

        PairNetwork pn = new PairNetwork(enc.width(), inputsOfPairs(enc, pairs), v.integer("pair-hidden"), k);
        TensorData pTrain = withOffsets(xt, mainTrain, train, enc.width(), k);
        TensorData pValid = null;
        float[] xv = null;
        float[] mainValid = null;
        if (valid != null && valid.size() > 0) {
            xv = enc.encodeAllFlat(valid);
            mainValid = mains.logits(valid);
            pValid = withOffsets(xv, mainValid, valid, enc.width(), k);
        }
        TrainingOptions pairOptions = pairOptions(v, cfg); // read even when no pair is kept: the options are the model's record
        TrainResult pr = pairs.length == 0 ? null : Trainer.fit(pn, pTrain, pValid, Objective.softmaxCrossEntropy(),
                Trainer.ValidationMetric.negativeCrossEntropy(), StepHook.none(), pairOptions);
        float[] pairParams = pr == null ? new float[0] : pr.parameters();
        AdditiveTables tables = tables(mains, pn, pairParams, enc, axes, pairAxes, pairs, train);

        TrainingSummary summary = mains.summary();
        summary = summary.withNote("pairs", chosen.stream().map(s -> train.schema().feature(s.first()).name() + " × "
                + train.schema().feature(s.second()).name() + String.format(Locale.ROOT, " (%.1f)", s.gain())).collect(Collectors.joining(", ")));
        if (pr != null) {
            summary = summary.with("pair_best_epoch", pr.bestEpoch());
        }
        double[] off = new double[k];
        if (pValid != null) { // how the tables agree with the networks, then the decision offsets, on the validation rows
            float[] net = pairs.length > 0 ? logits(pn, pairParams, pValid.features(), valid.size()) : mainValid;
            double[] agree = agreement(tables, valid, net, k);
            summary = summary.with("lookup_agreement_valid", agree[0]).with("lookup_max_logit_gap_valid", agree[1]);
            if (v.choice("decision").equals("macro-f1")) {
                off = DecisionOffsets.tune(tables.logitsOf(valid), valid.labels(), k);
                tables.shiftBias(off);
                summary = summary.withNote("decision_offsets", NamFamily.offsetsText(off));
            }
        }
        Provenance prov = Provenance.of(kind(), v.used(), cfg.seed(), train).withTraining(summary);
        return new Trained(new Ga2mModel(train.schema(), tables, prov), mains, enc, pn, pairParams, off);
    }

    /** How the pair networks train, on top of the frozen main effects. */
    private static TrainingOptions pairOptions(OptionTable.Values v, TrainConfig cfg) {
        return new TrainingOptions(v.integer("pair-epochs"), v.integer("batch-size"), v.number("pair-lr"),
                v.number("pair-weight-decay"), true, v.integer("pair-patience"), cfg.seed() + 1, cfg.device(), cfg.progress());
    }

    /** The main effects boosted into the axes' tables with the {@code boost-*} options (monotone columns projected). */
    private static Mains boosted(Dataset train, Dataset valid, OptionTable.Values v, AdditiveTables.Axis[] axes,
                                 AdditiveTables.Axis[] pairAxes) {
        int k = train.schema().classes().size();
        int[] monotoneSign = new int[train.schema().featureCount()];
        String mono = v.text("monotone", () -> null);
        if (mono != null && !mono.isBlank()) {
            NamFamily.monotoneSigns(mono, train).forEach((j, sign) -> monotoneSign[j] = sign);
        }
        BoostedShapes.Result br = new BoostedShapes(axes, k, new BoostedShapes.Options(v.number("boost-lr"), v.integer("boost-cycles"),
                v.integer("boost-patience"), v.integer("boost-leaves"), v.number("boost-min-rows"), v.number("boost-l2"),
                v.number("boost-min-gain"), monotoneSign)).fit(train, valid);
        AdditiveTables only = AdditiveTables.empty(axes, pairAxes, new int[0][], k);
        System.arraycopy(br.bias(), 0, only.bias, 0, k);
        for (int j = 0; j < axes.length; j++) {
            only.main[j] = br.main()[j];
        }
        return new BoostedMains(only, br);
    }

    /**
     * The pairs to fit: FAST's ranking on the main effects' residuals, without monotone columns (a pair
     * could bend their shapes), at least {@code pair-min-gain}, the best {@code pairs} of them.
     */
    private static List<PairRanking.Scored> chosenPairs(Dataset train, OptionTable.Values v, AdditiveTables.Axis[] pairAxes, float[] mainTrain) {
        int k = train.schema().classes().size();
        List<PairRanking.Scored> ranked = PairRanking.rank(nearestCells(train, pairAxes), sizes(pairAxes), residuals(train, mainTrain, k));
        Set<Integer> monotone = monotoneColumns(v.text("monotone", () -> null), train);
        double minPairGain = v.number("pair-min-gain");
        ranked = ranked.stream().filter(s -> !monotone.contains(s.first()) && !monotone.contains(s.second()) && s.gain() >= minPairGain)
                .toList();
        return ranked.subList(0, Math.min(v.integer("pairs"), ranked.size()));
    }

    private static Set<Integer> monotoneColumns(String spec, Dataset train) {
        Set<Integer> out = new HashSet<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                out.add(train.schema().indexOf(part.trim().split(":")[0].trim()));
            }
        }
        return out;
    }

    /** The networks' logits for encoded rows, on the CPU. */
    static float[] logits(Network net, float[] params, float[] x, int rows) {
        try (NetworkRunner run = new NetworkRunner(net, params, Device.cpu())) {
            return run.forward(x, rows);
        }
    }

    private static int[] sizes(AdditiveTables.Axis[] axes) {
        int[] s = new int[axes.length];
        for (int j = 0; j < axes.length; j++) {
            s[j] = axes[j].size();
        }
        return s;
    }

    /** Each row's cell per column: the grid point with the larger interpolation weight. */
    private static int[][] nearestCells(Dataset d, AdditiveTables.Axis[] axes) {
        int[][] c = new int[d.size()][axes.length];
        int[] idx = new int[2];
        double[] w = new double[2];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < axes.length; j++) {
                int n = axes[j].cells(d.value(i, j), idx, w);
                c[i][j] = n == 2 && w[1] > w[0] ? idx[1] : idx[0];
            }
        }
        return c;
    }

    /** One-hot label minus softmax of the main effects' logits, per row and class. */
    private static double[][] residuals(Dataset d, float[] logits, int k) {
        double[][] r = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            double[] p = NeuralData.softmax(logits, i * k, k);
            p[d.label(i)] -= 1;
            for (int q = 0; q < k; q++) {
                p[q] = -p[q];
            }
            r[i] = p;
        }
        return r;
    }

    private static int[][] inputsOfPairs(FeatureEncoder enc, int[][] pairs) {
        int[][] in = new int[pairs.length][];
        for (int p = 0; p < pairs.length; p++) {
            List<Integer> idx = new ArrayList<>();
            for (int c : pairs[p]) {
                for (int t = enc.offset(c); t < enc.offset(c) + enc.width(c); t++) {
                    idx.add(t);
                }
            }
            in[p] = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        return in;
    }

    private static TensorData withOffsets(float[] x, float[] offsets, Dataset d, int width, int k) {
        int n = d.size();
        float[] f = new float[n * (width + k)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * width, f, i * (width + k), width);
            System.arraycopy(offsets, i * k, f, i * (width + k) + width, k);
        }
        return TensorData.classification(f, n, width + k, d.labels(), k);
    }

    /** Reads the main effects and pairs off their networks on the axes' cells, then purifies and centres them. */
    static AdditiveTables tables(Mains mains, PairNetwork pn, float[] pairParams, FeatureEncoder enc, AdditiveTables.Axis[] axes,
                                 AdditiveTables.Axis[] pairAxes, int[][] pairs, Dataset train) {
        int k = train.schema().classes().size();
        int cols = axes.length;
        AdditiveTables t = AdditiveTables.empty(axes, pairAxes, pairs, k);
        double[] raw = new double[cols];
        mains.writeTables(t);
        for (int p = 0; p < pairs.length; p++) {
            Arrays.fill(raw, Double.NaN);
            for (int a = 0; a < pairAxes[pairs[p][0]].size(); a++) {
                raw[pairs[p][0]] = pairAxes[pairs[p][0]].value(a);
                for (int b = 0; b < pairAxes[pairs[p][1]].size(); b++) {
                    raw[pairs[p][1]] = pairAxes[pairs[p][1]].value(b);
                    t.pair[p][a][b] = pn.pairOutput(pairParams, p, enc.encode(raw));
                }
            }
        }
        double[][] mass1 = new double[cols][];
        double[][] massPair1 = new double[cols][];
        double[][][] mass2 = new double[pairs.length][][];
        for (int j = 0; j < cols; j++) {
            mass1[j] = new double[axes[j].size()];
            massPair1[j] = new double[pairAxes[j].size()];
        }
        for (int p = 0; p < pairs.length; p++) {
            mass2[p] = new double[pairAxes[pairs[p][0]].size()][pairAxes[pairs[p][1]].size()];
        }
        int[] idx1 = new int[2];
        double[] w1 = new double[2];
        int[][] idx = new int[cols][2];
        double[][] w = new double[cols][2];
        int[] n = new int[cols];
        for (int i = 0; i < train.size(); i++) {
            for (int j = 0; j < cols; j++) {
                int m = axes[j].cells(train.value(i, j), idx1, w1);
                for (int c = 0; c < m; c++) {
                    mass1[j][idx1[c]] += w1[c];
                }
                n[j] = pairAxes[j].cells(train.value(i, j), idx[j], w[j]);
                for (int c = 0; c < n[j]; c++) {
                    massPair1[j][idx[j][c]] += w[j][c];
                }
            }
            for (int p = 0; p < pairs.length; p++) {
                int a = pairs[p][0];
                int b = pairs[p][1];
                for (int ca = 0; ca < n[a]; ca++) {
                    for (int cb = 0; cb < n[b]; cb++) {
                        mass2[p][idx[a][ca]][idx[b][cb]] += w[a][ca] * w[b][cb];
                    }
                }
            }
        }
        t.purify(mass2, 200, 1e-9);
        t.centre(mass1, massPair1);
        return t;
    }

    /** Share of rows where the tables and the networks predict the same class, and the largest logit gap. */
    static double[] agreement(AdditiveTables t, Dataset d, float[] net, int k) {
        int same = 0;
        double gap = 0;
        for (int i = 0; i < d.size(); i++) {
            double[] l = t.logits(d.rowValues(i), null, null);
            int a = 0;
            int b = 0;
            for (int q = 0; q < k; q++) {
                a = l[q] > l[a] ? q : a;
                b = net[i * k + q] > net[i * k + b] ? q : b;
                gap = Math.max(gap, Math.abs((l[q] - l[0]) - (net[i * k + q] - net[i * k])));
            }
            same += a == b ? 1 : 0;
        }
        return new double[] {d.size() == 0 ? 1 : (double) same / d.size(), gap};
    }

    @Override
    public Savable read(ModelReader in) {
        return Ga2mModel.read(in);
    }
}
