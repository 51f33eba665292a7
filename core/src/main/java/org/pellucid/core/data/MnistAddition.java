package org.pellucid.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * MNIST-addition, the concept task of the Concept Embedding Models paper (Espinosa Zarlenga et al.,
 * NeurIPS 2022), built from real MNIST test images: each example is two digit images side by side as
 * a two-channel 28×28 image, its concepts are the two digit classes (groups {@code digit1=0..9} and
 * {@code digit2=0..9}) and its label is their sum (0..18).
 *
 * <p>The images are shuffled (seeded) and paired off so that every image appears in exactly one
 * example: any split of the examples is therefore a split of the images, and no image is in both
 * the training and the test part. 10,000 images give 5,000 examples.
 */
public final class MnistAddition {
    private MnistAddition() {}

    public static Dataset load(Path dataDir, long seed) {
        Path images = dataDir.resolve("mnist/t10k-images-idx3-ubyte.gz");
        Path labels = dataDir.resolve("mnist/t10k-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            throw new DatasetException("synthetic:mnist-addition needs the MNIST test images in " + dataDir.resolve("mnist")
                    + "; set PELLUCID_DATA to the folder that holds mnist/");
        }
        Dataset mnist = IdxLoader.load("mnist", images, labels, FeatureNames.DIGIT_CLASSES);
        return build(mnist, seed);
    }

    /** Pairs the images of a digit dataset (one image per row, 10 classes) as described above. */
    public static Dataset build(Dataset digits, long seed) {
        int n = digits.size();
        int px = digits.schema().featureCount();
        int side = (int) Math.round(Math.sqrt(px));
        if (side * side != px) {
            throw new DatasetException("MNIST-addition needs square images; rows have " + px + " pixels");
        }
        int[] perm = new Random(seed).ints(0, n).distinct().limit(n).toArray();
        int pairs = n / 2;
        double[][] x = new double[pairs][2 * px];
        double[][] concepts = new double[pairs][20];
        int[] y = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            int a = perm[2 * i];
            int b = perm[2 * i + 1];
            System.arraycopy(digits.rowValues(a), 0, x[i], 0, px);
            System.arraycopy(digits.rowValues(b), 0, x[i], px, px);
            int da = digits.label(a);
            int db = digits.label(b);
            concepts[i][da] = 1;
            concepts[i][10 + db] = 1;
            y[i] = da + db;
        }
        List<Column> cols = new ArrayList<>(2 * px);
        for (String img : new String[] {"a", "b"}) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    cols.add(Column.numeric(img + "_r" + r + "c" + c));
                }
            }
        }
        List<String> sums = new ArrayList<>();
        for (int s = 0; s <= 18; s++) {
            sums.add(String.valueOf(s));
        }
        List<String> conceptNames = new ArrayList<>();
        for (int g = 1; g <= 2; g++) {
            for (int d = 0; d <= 9; d++) {
                conceptNames.add("digit" + g + "=" + d);
            }
        }
        Schema s = new Schema(cols, Column.categorical("sum", sums), conceptNames);
        return Dataset.builder(s).name("mnist-addition").features(x).labels(y).concepts(concepts)
                .imageShape(2, side, side).build();
    }
}
