package dev.dlfs.examples.cli;

import dev.dlfs.model.DataConfig;
import dev.dlfs.tensor.spi.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a checkpoint's stored {@code data:} section that {@code eval}, {@code predict} and {@code summary}
 * use. A checkpoint is data, possibly someone else's: it may say which data set the network was trained on and how
 * its samples were shaped, never where data comes from. So it keeps the source name and the options that describe
 * samples, and ignores every other option: {@code dir}, {@code download}, {@code mirrors}, {@code verify}, the files
 * of {@code idx} and {@code csv}, and a plugin source's own options. Where the data set is, and whether it may be
 * fetched, is then the user's choice: {@code --data}, {@code DLFS_DATA} and the mirror variables, the default folders.
 *
 * @param kept    the source with only the options that shape samples, or null when the checkpoint names no data
 * @param ignored the names of the stored options left out, in the stored order
 */
record CheckpointData(DataConfig kept, List<String> ignored) {
    /** Options that say how samples are shaped, scaled or split, never where they are read or fetched from. */
    static final Set<String> SAMPLE_OPTIONS = Set.of("normalize", "flatten", "one-hot", "dtype", "classes",
            "label-column", "header", "delimiter", "test-fraction", "seed", "n", "turns", "noise");

    CheckpointData {
        ignored = List.copyOf(ignored);
    }

    static CheckpointData of(DataConfig stored) {
        if (stored == null) {
            return new CheckpointData(null, List.of());
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        stored.options().asMap().forEach((k, v) -> {
            if (SAMPLE_OPTIONS.contains(k)) {
                kept.put(k, v);
            } else {
                ignored.add(k);
            }
        });
        return new CheckpointData(new DataConfig(stored.source(), Options.of(kept)), ignored);
    }

    /** A line saying which stored options were ignored and why, or empty when none were. */
    String note(Object checkpoint) {
        if (ignored.isEmpty()) {
            return "";
        }
        return "note: " + checkpoint + " also stores data option(s) " + String.join(", ", ignored) + ", ignored:"
                + " a checkpoint does not choose where data is read or fetched from. Say where it is yourself:"
                + " --data CONFIG.yaml (a configuration whose 'data:' section to use, e.g. the run's config.yaml),"
                + " or DLFS_DATA for mnist and fashion-mnist.";
    }
}
