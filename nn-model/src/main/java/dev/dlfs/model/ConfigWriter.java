package dev.dlfs.model;

import dev.dlfs.layers.LayerSpec;
import dev.dlfs.model.internal.YamlWriter;
import dev.dlfs.tensor.spi.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link NetworkConfig} as the YAML {@link ConfigReader} reads. */
final class ConfigWriter {
    private ConfigWriter() {
    }

    static String write(NetworkConfig c) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", c.name());
        top.put("dtype", c.dtype().label());
        top.put("seed", c.seed());
        top.put("input", c.input());
        List<Object> layers = new ArrayList<>();
        for (LayerSpec l : c.layers()) {
            layers.add(typed("type", l.type(), l.options()));
        }
        top.put("layers", layers);
        top.put("loss", c.loss().options().keys().isEmpty() ? c.loss().type()
                : typed("type", c.loss().type(), c.loss().options()));
        if (c.optimizer() != null) {
            top.put("optimizer", typed("type", c.optimizer().type(), c.optimizer().options()));
        }
        if (c.training() != null) {
            top.put("training", training(c.training()));
        }
        if (c.data() != null) {
            top.put("data", typed("source", c.data().source(), c.data().options()));
        }
        return YamlWriter.write(top);
    }

    private static Map<String, Object> typed(String key, String name, Options options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, name);
        m.putAll(options.asMap());
        return m;
    }

    private static Map<String, Object> training(TrainingConfig t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.iterations() > 0) {
            m.put("iterations", t.iterations());
        } else {
            m.put("epochs", t.epochs());
        }
        m.put("batch-size", t.batchSize());
        m.put("seed", t.seed());
        m.put("eval", t.eval().toString());
        if (t.evalSample() > 0) {
            m.put("eval-sample", t.evalSample());
        }
        m.put("sampler", t.sampler().label());
        t.targetAccuracy().ifPresent(a -> m.put("target-accuracy", a));
        if (t.threads() > 0) {
            m.put("threads", t.threads());
        }
        if (t.divergenceFactor() != TrainingConfig.DEFAULT_DIVERGENCE_FACTOR) {
            m.put("divergence-factor", t.divergenceFactor());
        }
        if (t.shards() > 0) {
            m.put("shards", t.shards());
        }
        return m;
    }
}
