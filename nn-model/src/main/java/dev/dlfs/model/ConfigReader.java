package dev.dlfs.model;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.model.internal.YamlNode;
import dev.dlfs.model.internal.YamlReader;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns YAML text into a checked {@link NetworkConfig}, locating every problem in the file. */
final class ConfigReader {
    static final List<String> TOP_KEYS =
            List.of("name", "dtype", "seed", "input", "layers", "loss", "optimizer", "training", "data");
    static final List<String> TRAINING_KEYS = List.of("iterations", "epochs", "batch-size", "seed", "eval",
            "eval-sample", "sampler", "target-accuracy", "threads", "divergence-factor", "shards");

    private final ConfigOrigin origin;

    private ConfigReader(ConfigOrigin origin) {
        this.origin = origin;
    }

    static NetworkConfig read(String yaml, String file) {
        ConfigText.requireSmall(yaml.length(), file);
        YamlNode root;
        try {
            root = YamlReader.read(yaml);
        } catch (YamlReader.SyntaxException e) {
            throw new ConfigException(file, e.mark().line(), e.mark().column(), "", e.getMessage(), e);
        }
        Map<String, ConfigOrigin.Position> positions = new HashMap<>();
        index("", null, root, positions);
        return new ConfigReader(new ConfigOrigin(file, positions)).network(root);
    }

    private static void index(String path, YamlNode.Mark key, YamlNode node, Map<String, ConfigOrigin.Position> out) {
        YamlNode.Mark k = key == null ? node.mark() : key;
        out.put(path, new ConfigOrigin.Position(k.line(), k.column(), node.mark().line(), node.mark().column()));
        switch (node) {
            case YamlNode.Mapping m -> m.entries().forEach((name, e) ->
                    index(path.isEmpty() ? name : path + "." + name, e.keyMark(), e.value(), out));
            case YamlNode.Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    index(path + "[" + i + "]", null, s.items().get(i), out);
                }
            }
            case YamlNode.Scalar s -> {
            }
        }
    }

    private NetworkConfig network(YamlNode root) {
        ConfigSection top = ConfigSection.of(root, "", origin, "a map with input, layers and loss");
        top.rejectUnknown(TOP_KEYS, "the network configuration");
        DType dtype = dtype(top);
        List<Integer> input = input(top.require("input"));
        List<LayerSpec> layers = layers(top.require("layers"));
        LossConfig loss = loss(top.require("loss"));
        OptimizerConfig optimizer = top.has("optimizer") ? optimizer(top.get("optimizer")) : null;
        TrainingConfig training = top.has("training") ? training(top.get("training")) : null;
        DataConfig data = top.has("data") ? data(top.get("data")) : null;
        long seed = top.longNumber("seed", training == null ? 0 : training.seed());
        return new NetworkConfig(top.string("name", null), dtype, seed, input, layers, loss, optimizer, training, data,
                origin);
    }

    private DType dtype(ConfigSection top) {
        String s = top.string("dtype", "float32");
        try {
            return DType.parse(s);
        } catch (IllegalArgumentException e) {
            throw origin.error("dtype", "expected float32 or float64, found '" + s + "'");
        }
    }

    private List<Integer> input(YamlNode v) {
        List<Integer> out = new ArrayList<>();
        if (v instanceof YamlNode.Sequence s && !s.items().isEmpty()) {
            for (int i = 0; i < s.items().size(); i++) {
                out.add(wholeNumber(s.items().get(i), "input[" + i + "]"));
            }
            return out;
        }
        if (v instanceof YamlNode.Scalar s && s.value() instanceof Integer) {
            return List.of(wholeNumber(v, "input"));
        }
        throw origin.error("input", "expected the per-sample input shape, e.g. [784] or [1, 28, 28], found "
                + v.kind());
    }

    private int wholeNumber(YamlNode v, String path) {
        if (v instanceof YamlNode.Scalar s && s.value() instanceof Integer n && n > 0) {
            return n;
        }
        throw origin.error(path, "expected a positive whole number, found " + v.kind());
    }

    private List<LayerSpec> layers(YamlNode v) {
        if (!(v instanceof YamlNode.Sequence s) || s.items().isEmpty()) {
            throw origin.error("layers", "expected a list of layers, e.g. [{type: affine, units: 50}, {type: relu}],"
                    + " found " + v.kind());
        }
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            String at = "layers[" + i + "]";
            YamlNode item = s.items().get(i);
            if (item instanceof YamlNode.Scalar sc && sc.value() instanceof String type) {
                out.add(LayerSpec.of(known(LayerRegistry.shared(), type, at)));
                continue;
            }
            ConfigSection layer = ConfigSection.of(item, at, origin, "a layer such as {type: relu}");
            String type = layer.requireString("type");
            known(LayerRegistry.shared(), type, at + ".type");
            out.add(new LayerSpec(type, Options.of(layer.plainExcept("type"))));
        }
        return out;
    }

    private String known(Registry<?> registry, String name, String at) {
        if (registry.find(name).isEmpty()) {
            throw origin.error(at, registry.unknownMessage(name));
        }
        return name;
    }

    /** A name and its options: {@code NAME} alone, or a map with the name under {@code key} and the options. */
    private record Named(String name, Options options) {
    }

    private Named named(YamlNode v, String at, String key, Registry<?> registry, String example) {
        if (v instanceof YamlNode.Scalar s && s.value() instanceof String name) {
            return new Named(known(registry, name, at), Options.empty());
        }
        ConfigSection c = ConfigSection.of(v, at, origin, example);
        String name = known(registry, c.requireString(key), at + "." + key);
        return new Named(name, Options.of(c.plainExcept(key)));
    }

    private LossConfig loss(YamlNode v) {
        Named n = named(v, "loss", "type", LossRegistry.shared(), "a loss name such as softmax-with-loss");
        return new LossConfig(n.name(), n.options());
    }

    private OptimizerConfig optimizer(YamlNode v) {
        Named n = named(v, "optimizer", "type", OptimizerRegistry.shared(),
                "an optimizer such as {type: sgd, lr: 0.1}");
        return new OptimizerConfig(n.name(), n.options());
    }

    private DataConfig data(YamlNode v) {
        Named n = named(v, "data", "source", DataSourceRegistry.shared(), "a data source such as {source: mnist}");
        return new DataConfig(n.name(), n.options());
    }

    private TrainingConfig training(YamlNode v) {
        ConfigSection t = ConfigSection.of(v, "training", origin,
                "a training run such as {iterations: 10000, batch-size: 100}");
        t.rejectUnknown(TRAINING_KEYS, "training");
        if (t.has("iterations") == t.has("epochs")) {
            throw t.has("epochs") ? origin.keyError("training.epochs", "give either iterations or epochs, not both")
                    : origin.error("training", "missing required key 'iterations' or 'epochs'");
        }
        // Keys are read in this order so that a file with several mistakes always reports the same one first.
        TrainingConfigBuilder b = TrainingConfig.builder()
                .batchSize(t.wholeNumber("batch-size", 100, 1))
                .iterations(t.wholeNumber("iterations", 0, 1))
                .epochs(t.wholeNumber("epochs", 0, 1))
                .eval(eval(t));
        if (t.has("sampler")) {
            try {
                b.sampler(Sampling.parse(t.string("sampler", null)));
            } catch (IllegalArgumentException e) {
                throw origin.error("training.sampler", e.getMessage());
            }
        }
        if (t.has("target-accuracy")) {
            double a = t.number("target-accuracy", 0);
            if (!(a > 0 && a <= 1)) {
                throw origin.error("training.target-accuracy", "expected an accuracy in (0, 1], found " + a);
            }
            b.targetAccuracy(a);
        }
        if (t.has("divergence-factor")) {
            double f = t.number("divergence-factor", 0);
            if (!(f == 0 || f > 1) || Double.isInfinite(f)) {
                throw origin.error("training.divergence-factor", "expected a factor above 1, or 0 to turn the"
                        + " divergence rule off, found " + f);
            }
            b.divergenceFactor(f);
        }
        return b.seed(t.longNumber("seed", 0))
                .evalSample(t.wholeNumber("eval-sample", 0, 1))
                .threads(t.wholeNumber("threads", 0, 1))
                .shards(shards(t))
                .build();
    }

    private int shards(ConfigSection t) {
        int n = t.wholeNumber("shards", 0, 1);
        int batch = t.wholeNumber("batch-size", 100, 1);
        if (n > batch) {
            throw origin.error("training.shards", n + " shards of a batch of " + batch + " would leave shards empty;"
                    + " use at most " + batch);
        }
        return n;
    }

    private EvalSchedule eval(ConfigSection t) {
        if (!t.has("eval")) {
            return EvalSchedule.perEpoch();
        }
        if (t.get("eval") instanceof YamlNode.Scalar s && s.value() instanceof Number) {
            return EvalSchedule.every(t.wholeNumber("eval", 0, 1));
        }
        try {
            return EvalSchedule.parse(t.string("eval", null));
        } catch (IllegalArgumentException e) {
            throw origin.error("training.eval", e.getMessage());
        }
    }
}
