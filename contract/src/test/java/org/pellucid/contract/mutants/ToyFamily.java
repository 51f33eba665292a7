package org.pellucid.contract.mutants;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;

/** The toy models of {@code ContractMutantsTest}: options {@code flavor} (path|rules|attribution) and {@code lie}. */
public final class ToyFamily implements ModelFamily {
    @Override
    public String kind() {
        return "toy";
    }

    @Override
    public boolean transparent() {
        return true;
    }

    @Override
    public String description() {
        return "one split on the first column, honest or lying on purpose (contract tests only)";
    }

    @Override
    public OptionTable options() {
        return OptionTable.builder()
                .choice("flavor", "path", List.of("path", "rules", "attribution"), "which explanation the toy gives")
                .choice("lie", "none", Arrays.stream(Lie.values()).map(l -> l.name().toLowerCase()).toList(), "the lie it tells")
                .build();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig config) {
        OptionTable.Values o = options().read(kind(), config);
        ToyModel.Flavor flavor = ToyModel.Flavor.valueOf(o.choice("flavor").toUpperCase());
        Lie lie = Lie.valueOf(o.choice("lie").toUpperCase());
        double[] v = new double[train.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = train.value(i, 0);
        }
        double[] present = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double median = present[present.length / 2];
        double mean = Arrays.stream(present).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(present).map(d -> (d - mean) * (d - mean)).average().orElse(1));
        if (lie == Lie.NONDETERMINISTIC) {
            median += 1e-3 * sd * new Random().nextGaussian();
        }
        Map<String, String> recorded = new TreeMap<>(o.used());
        if (lie == Lie.RESULT_IN_OPTIONS) {
            recorded.put("threshold", "" + median);
        }
        Provenance p = new Provenance(kind(), recorded, config.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString());
        return new ToyModel(train.schema(), flavor, lie, median, mean, sd, p);
    }

    @Override
    public Savable read(ModelReader in) {
        double t;
        try {
            t = in.get("threshold").getAsDouble();
        } catch (ModelFormatException e) {
            t = 0; // the DROPPED_PARAMETER mutant: a silent default, as a careless reader would have it
        }
        return new ToyModel(in.schema(), ToyModel.Flavor.valueOf(in.getString("flavor")), Lie.valueOf(in.getString("lie")), t,
                in.get("mean").getAsDouble(), in.get("sd").getAsDouble(), in.provenance());
    }
}
