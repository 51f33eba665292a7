package org.pellucid.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Labelled text (SMS spam, SST-2) as token sequences. Tokens are lower-cased words and punctuation
 * marks; the vocabulary keeps the {@code maxVocabulary} most frequent (ties broken alphabetically),
 * index 0 is {@code <pad>} and index 1 {@code <unk>} for words outside it.
 */
public final class TextLoader {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";

    private TextLoader() {}

    public static Dataset load(Path file, String labelColumn, String textColumn, int maxVocabulary) {
        RawTable raw = CsvLoader.read(file, CsvLoader.delimiterFor(file), CsvLoader.Header.PRESENT);
        int l = raw.names.indexOf(labelColumn);
        int t = raw.names.indexOf(textColumn);
        if (l < 0 || t < 0) {
            throw new DatasetException(file.toString(), 1, l < 0 ? labelColumn : textColumn, "no such column; columns are " + raw.names);
        }
        List<List<String>> docs = new ArrayList<>();
        Map<String, Integer> freq = new HashMap<>();
        TreeSet<String> labels = new TreeSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.rows.get(i);
            if (MissingValues.isMissing(r[l])) {
                throw new DatasetException(file.toString(), raw.lines.get(i), labelColumn, "the label is missing");
            }
            labels.add(r[l]);
            List<String> toks = tokenize(r[t]);
            docs.add(toks);
            for (String w : toks) {
                freq.merge(w, 1, Integer::sum);
            }
        }
        List<String> vocab = new ArrayList<>(List.of(PAD, UNK));
        freq.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue())
                .limit(Math.max(0, maxVocabulary - 2)).forEach(e -> vocab.add(e.getKey()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        int[][] tokens = new int[docs.size()][];
        for (int i = 0; i < docs.size(); i++) {
            tokens[i] = docs.get(i).stream().mapToInt(w -> index.getOrDefault(w, 1)).toArray();
        }
        List<String> classes = new ArrayList<>(labels);
        int[] y = new int[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            y[i] = classes.indexOf(raw.rows.get(i)[l]);
        }
        Column target = new Column(labelColumn, classes.size() == 2 ? ColumnType.BINARY : ColumnType.CATEGORICAL, classes);
        return Dataset.builder(new Schema(List.of(), target)).name(CsvLoader.datasetName(file))
                .features(new double[raw.size()][0]).labels(y).tokens(tokens, vocab).build();
    }

    /** Lower-cased words (letters, digits, apostrophes) and single punctuation marks. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '\'') {
                w.append(c);
            } else {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
