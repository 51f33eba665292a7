package org.pellucid.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a data argument: a registry name ({@code adult}, {@code mnist}, …), {@code synthetic:NAME}
 * (optionally {@code synthetic:NAME:ROWS}), or a path to a {@code .csv}, {@code .tsv}, {@code .arff}
 * or {@code .data} file. Named datasets are read from the data directory: {@code PELLUCID_DATA},
 * else {@code ../shared/datasets} (looked up from the working directory and the Pellucid home
 * upwards), else {@code ~/.pellucid/datasets}. Files are read in place, never copied.
 */
public final class DatasetRegistry {
    /** Rows drawn for {@code synthetic:NAME} when no count is given. */
    public static final int DEFAULT_SYNTHETIC_ROWS = 2000;

    /** One named dataset: where it lives under the data directory and how to read it. */
    public record Entry(String name, String description, String relativePath, Loader loader) {}

    /** Reads an entry's file(s) from the data directory. */
    @FunctionalInterface
    public interface Loader {
        Dataset load(Path dataDir, TableSpec spec);
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        for (String[] t : new String[][] {
                {"adult", "census income > 50K (UCI)"}, {"bank-marketing", "term-deposit subscription (UCI)"},
                {"banknote", "banknote authentication (UCI)"}, {"chess", "king-rook vs king endgames (UCI)"},
                {"letter-recognition", "letter recognition, 26 classes (UCI)"}, {"magic04", "MAGIC gamma telescope (UCI)"},
                {"mushroom", "edible or poisonous mushrooms (UCI)"}, {"nursery", "nursery applications (UCI)"},
                {"tic-tac-toe", "tic-tac-toe endgames (UCI)"}, {"wine", "wine cultivars (UCI)"}}) {
            String file = t[0].equals("letter-recognition") ? "letRecog" : t[0];
            boolean ttt = t[0].equals("tic-tac-toe"); // with the eight "x owns this line" concepts attached
            add(t[0], t[1], "tabular/" + file + ".data", (dir, s) -> {
                Dataset d = InfoDataLoader.load(dir.resolve("tabular/" + file + ".data"), s);
                return ttt ? DerivedConcepts.ticTacToe(d) : d;
            });
        }
        add("breast-cancer", "Wisconsin diagnostic breast cancer (sklearn layout)", "sklearn/breast_cancer.csv",
                (dir, s) -> SklearnCsvLoader.load(dir.resolve("sklearn/breast_cancer.csv"), FeatureNames.BREAST_CANCER, s));
        add("iris", "iris flowers (sklearn layout)", "sklearn/iris.csv",
                (dir, s) -> SklearnCsvLoader.load(dir.resolve("sklearn/iris.csv"), FeatureNames.IRIS, s));
        add("wine-sklearn", "wine recognition (sklearn layout)", "sklearn/wine_data.csv",
                (dir, s) -> SklearnCsvLoader.load(dir.resolve("sklearn/wine_data.csv"), FeatureNames.WINE, s));
        add("digits", "8x8 handwritten digits (64 pixels, class last, no header)", "sklearn/digits.csv.gz",
                (dir, s) -> {
                    List<String> names = new ArrayList<>(FeatureNames.digits());
                    names.add("digit");
                    RawTable raw = CsvLoader.read(dir.resolve("sklearn/digits.csv.gz"), ',', CsvLoader.Header.ABSENT).renamed(names);
                    Map<String, ColumnType> numeric = new LinkedHashMap<>();
                    FeatureNames.digits().forEach(n -> numeric.put(n, ColumnType.NUMERIC));
                    return TableBuilder.build("digits", raw, s.withTarget("digit").withDeclared(numeric)
                            .withCategoryOrder(Map.of("digit", FeatureNames.DIGIT_CLASSES)));
                });
        add("compas", "COMPAS two-year recidivism (ProPublica), the usual 9 columns", "compas/compas-scores-two-years.csv",
                (dir, s) -> {
                    Path f = dir.resolve("compas/compas-scores-two-years.csv");
                    RawTable raw = CsvLoader.read(f, ',', CsvLoader.Header.PRESENT);
                    List<String> keep = FeatureNames.COMPAS;
                    List<String> ignore = new ArrayList<>();
                    for (String n : raw.names()) {
                        if (!keep.contains(n) && !n.equals("two_year_recid")) {
                            ignore.add(n);
                        }
                    }
                    return TableBuilder.build("compas", raw, s.withTarget(s.target() == null ? "two_year_recid" : s.target())
                            .withIgnore(ignore));
                });
        add("mnist", "MNIST test split, 10,000 digits 28x28", "mnist/t10k-images-idx3-ubyte.gz",
                (dir, s) -> IdxLoader.load("mnist", dir.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                        dir.resolve("mnist/t10k-labels-idx1-ubyte.gz"), FeatureNames.DIGIT_CLASSES));
        add("fashion-mnist", "Fashion-MNIST, training and test images together (70,000, 28x28)", "fashion-mnist/train-images-idx3-ubyte.gz",
                (dir, s) -> IdxLoader.concat("fashion-mnist",
                        IdxLoader.load("train", dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz"),
                                dir.resolve("fashion-mnist/train-labels-idx1-ubyte.gz"), FeatureNames.FASHION_CLASSES),
                        IdxLoader.load("test", dir.resolve("fashion-mnist/t10k-images-idx3-ubyte.gz"),
                                dir.resolve("fashion-mnist/t10k-labels-idx1-ubyte.gz"), FeatureNames.FASHION_CLASSES)));
        add("fashion-mnist-test", "Fashion-MNIST test split only, 10,000 images 28x28", "fashion-mnist/t10k-images-idx3-ubyte.gz",
                (dir, s) -> IdxLoader.load("fashion-mnist-test", dir.resolve("fashion-mnist/t10k-images-idx3-ubyte.gz"),
                        dir.resolve("fashion-mnist/t10k-labels-idx1-ubyte.gz"), FeatureNames.FASHION_CLASSES));
        add("sms-spam", "SMS spam collection, token sequences", "text/sms_spam.csv",
                (dir, s) -> TextLoader.load(dir.resolve("text/sms_spam.csv"), "type", "text", 20000));
        add("sst2", "SST-2 sentiment (training phrases), token sequences", "text/sst2_train.tsv",
                (dir, s) -> TextLoader.load(dir.resolve("text/sst2_train.tsv"), "label", "sentence", 20000));
        add("splice", "primate splice junctions, 60 nucleotides", "sequences/splice.arff",
                (dir, s) -> ArffLoader.load(dir.resolve("sequences/splice.arff"), s.withIgnore(List.of("Instance_name"))));
    }

    private DatasetRegistry() {}

    private static void add(String name, String description, String path, Loader loader) {
        ENTRIES.put(name, new Entry(name, description, path, loader));
    }

    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    public static Optional<Entry> entry(String name) {
        return Optional.ofNullable(ENTRIES.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The data directory as configured, whether or not it exists. */
    public static Path dataDirectory() {
        String env = System.getenv("PELLUCID_DATA");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Paths.get("").toAbsolutePath());
        String home = System.getProperty("pellucid.home");
        if (home != null) {
            starts.add(Paths.get(home).toAbsolutePath());
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolveSibling("shared").resolve("datasets");
                if (p.getParent() != null && Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return Paths.get(System.getProperty("user.home"), ".pellucid", "datasets");
    }

    /** True when the named dataset's file is present in the data directory. */
    public static boolean isAvailable(String name) {
        return entry(name).map(e -> Files.exists(dataDirectory().resolve(e.relativePath()))).orElse(false);
    }

    public static Dataset load(String spec) {
        return load(spec, TableSpec.defaults());
    }

    /** Resolves and loads a data argument; see the class comment for the forms it takes. */
    public static Dataset load(String spec, TableSpec tableSpec) {
        if (spec.startsWith("synthetic:")) {
            String[] p = spec.substring("synthetic:".length()).split(":");
            int n = DEFAULT_SYNTHETIC_ROWS;
            if (p.length > 1) {
                try {
                    n = Integer.parseInt(p[1]);
                } catch (NumberFormatException e) {
                    throw new DatasetException("synthetic row count must be an integer, got '" + p[1] + "'");
                }
                if (n < 10) {
                    throw new DatasetException("synthetic datasets need at least 10 rows, got " + n);
                }
            }
            if (p[0].equals("mnist-addition")) {
                return MnistAddition.load(dataDirectory(), 42);
            }
            return SyntheticData.generate(p[0], n, 42);
        }
        Optional<Entry> e = entry(spec);
        if (e.isPresent()) {
            Path dir = dataDirectory();
            Path f = dir.resolve(e.get().relativePath());
            if (!Files.exists(f)) {
                throw new DatasetException("dataset '" + spec + "' is not in the data directory " + dir
                        + " (expected " + e.get().relativePath() + "); set PELLUCID_DATA to the folder that holds it");
            }
            return e.get().loader().load(dir, tableSpec).named(e.get().name());
        }
        Path path = Paths.get(spec);
        String lower = spec.toLowerCase(Locale.ROOT);
        if (!Files.exists(path)) {
            if (lower.contains(".") || lower.contains("/")) {
                throw new DatasetException(spec, -1, null, "no such file");
            }
            throw new DatasetException("unknown dataset '" + spec + "'; known: " + String.join(", ", ENTRIES.keySet())
                    + ", synthetic:" + String.join("|", SyntheticData.NAMES) + "|mnist-addition, or a .csv/.tsv/.arff/.data path");
        }
        if (lower.endsWith(".arff") || lower.endsWith(".arff.gz")) {
            return ArffLoader.load(path, tableSpec);
        }
        if (lower.endsWith(".data")) {
            return InfoDataLoader.load(path, tableSpec);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv.gz")
                || lower.endsWith(".tab") || lower.endsWith(".txt")) {
            return CsvLoader.load(path, tableSpec);
        }
        throw new DatasetException(spec, -1, null, "unknown file type; use .csv, .tsv, .arff or .data (+ .info)");
    }
}
