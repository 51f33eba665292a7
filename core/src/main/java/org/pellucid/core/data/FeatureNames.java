package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.List;

/** Column names for bundled datasets whose files do not carry them, so explanations never say x17. */
final class FeatureNames {
    private FeatureNames() {}

    static final List<String> IRIS = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");

    static final List<String> WINE = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium",
            "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
            "od280/od315_of_diluted_wines", "proline");

    static final List<String> BREAST_CANCER;

    static {
        List<String> base = List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                "concavity", "concave points", "symmetry", "fractal dimension");
        List<String> names = new ArrayList<>();
        for (String b : base) {
            names.add("mean " + b);
        }
        for (String b : base) {
            names.add(b + " error");
        }
        for (String b : base) {
            names.add("worst " + b);
        }
        BREAST_CANCER = List.copyOf(names);
    }

    static List<String> digits() {
        List<String> n = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                n.add("px_" + r + "_" + c);
            }
        }
        return n;
    }

    static final List<String> COMPAS = List.of("sex", "age", "age_cat", "race", "juv_fel_count", "juv_misd_count",
            "juv_other_count", "priors_count", "c_charge_degree");

    static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
}
