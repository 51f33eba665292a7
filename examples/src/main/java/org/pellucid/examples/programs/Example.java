package org.pellucid.examples.programs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.ModelFamilies;

/** What every example program does the same way: split, score, save and load again. */
final class Example {
    private Example() {}

    static int rows(String[] args, int def) {
        return args.length > 0 ? Integer.parseInt(args[0]) : def;
    }

    static Splits.TrainValidTest split(Dataset d) {
        return Splits.trainValidTest(d, 0.2, 0.2, 1);
    }

    static double accuracy(Savable m, Dataset test) {
        return Scores.accuracy(test.labels(), Scores.classes(m.predictAll(test)));
    }

    /** Saves the model to a temporary directory and loads it back, checking one prediction survives. */
    static Savable roundTrip(Savable m, Dataset test) throws Exception {
        Path dir = Files.createTempDirectory("pellucid-example");
        ModelStore.save(m, dir.resolve("model"));
        Savable back = ModelFamilies.load(dir.resolve("model"));
        if (!back.predict(test.row(0)).equals(m.predict(test.row(0)))) {
            throw new IllegalStateException("the loaded model predicts differently");
        }
        System.out.println("saved to " + dir.resolve("model") + " and loaded back: same prediction");
        return back;
    }
}
