package dev.dlfs.spark;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The example of nn-spark (scripts/spark-mnist.sh runs it): writes MNIST as Parquet, trains a network on the
 * Parquet DataFrame with Spark (exact by default, or local SGD), saves the checkpoint, scores the test set with a
 * {@link CheckpointTransformer} and reports its accuracy. See docs/spark.md.
 */
public final class SparkMnist {
    private static final List<String> OPTIONS = List.of("--config", "--parquet", "--out", "--master", "--shards",
            "--iterations", "--local-sgd", "--partitions", "--steps-per-job");

    private SparkMnist() {
    }

    public static void main(String[] args) {
        try {
            start(options(args));
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            // Bad options, configurations and data are the user's to fix: the message says what and where.
            System.err.println("spark-mnist: " + e.getMessage());
            System.err.println("options: --config FILE.yaml --parquet DIR --out DIR --master URL --shards N"
                    + " --iterations N --local-sgd K --steps-per-job K --partitions N");
            System.exit(2);
        }
    }

    private static void start(Map<String, String> o) throws IOException {
        NetworkConfig config = NetworkConfig.load(Path.of(o.getOrDefault("--config", "examples/two-layer-net.yaml")));
        var training = config.training().withShards(number(o, "--shards", 4));
        if (o.containsKey("--iterations")) {
            training = training.withIterations(number(o, "--iterations", 0));
        }
        config = config.withTraining(training).withData(mnistData(config.data()));
        Path parquet = Path.of(o.getOrDefault("--parquet", "runs/spark-mnist/parquet"));
        Path out = Path.of(o.getOrDefault("--out", "runs/spark-mnist"));
        SparkSession.Builder b = SparkSession.builder().appName("dlfs spark-mnist").config("spark.ui.enabled", "false");
        if (o.containsKey("--master")) {
            b.master(o.get("--master"));
        }
        SparkSession spark = b.getOrCreate();
        // The driver's progress lines are the example's output; Spark's INFO lines would bury them.
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark, config, parquet, out, o);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, NetworkConfig config, Path parquet, Path out, Map<String, String> o)
            throws IOException {
        if (!Files.isDirectory(parquet.resolve("train")) || !Files.isDirectory(parquet.resolve("test"))) {
            System.out.println("Writing MNIST as Parquet to " + parquet + " …");
            DataSplit data = config.loadData();
            for (var part : List.of(Map.entry("train", data.train()), Map.entry("test", data.test()))) {
                if (!Files.isDirectory(parquet.resolve(part.getKey()))) {
                    ParquetDataset.write(spark, part.getValue(), parquet.resolve(part.getKey()));
                }
            }
        }
        Dataset<Row> train = spark.read().parquet(parquet.resolve("train").toUri().toString());
        Dataset<Row> test = spark.read().parquet(parquet.resolve("test").toUri().toString());
        Network net = Network.of(config);
        SparkTrainer trainer = SparkTrainer.of(net).listener(TrainingListener.progress(System.out, false));
        String mode = "exact, " + config.training().shards() + " shards";
        if (o.containsKey("--local-sgd")) {
            trainer.localSgd(number(o, "--local-sgd", 1));
            mode = "local SGD, averaging every " + o.get("--local-sgd") + " steps";
        }
        if (o.containsKey("--steps-per-job")) {
            trainer.stepsPerJob(number(o, "--steps-per-job", 1));
            mode += ", " + o.get("--steps-per-job") + " steps per job";
        }
        if (o.containsKey("--partitions")) {
            trainer.partitions(number(o, "--partitions", 1));
        }
        System.out.printf("Training %s on Spark %s (%s, master %s)%n", config.name(), spark.version(), mode,
                spark.sparkContext().master());
        TrainingResult result = trainer.run(train, test);
        Files.createDirectories(out);
        Path file = out.resolve("checkpoint.npz");
        Checkpoint.save(file, net, trainer.optimizer(), result.iterations());
        System.out.printf(Locale.ROOT, "Trained %d iterations in %.1f s; saved %s%n", result.iterations(),
                result.elapsed().toMillis() / 1e3, file);
        Dataset<Row> scored = new CheckpointTransformer().setCheckpoint(file.toString()).transform(test);
        long total = scored.count();
        long right = scored.filter(functions.col("prediction").equalTo(functions.col("label").cast("double")))
                .count();
        System.out.printf(Locale.ROOT, "Scored the test set with CheckpointTransformer: accuracy %.4f (%d of %d"
                + " correct)%n", (double) right / total, right, total);
    }

    /** MNIST from $MNIST_DIR when set, else where dlfs looks by default. */
    private static DataConfig mnistData(DataConfig data) {
        if (data == null) {
            data = DataConfig.of("mnist", Map.of("normalize", true, "flatten", true, "one-hot", true));
        }
        String dir = System.getenv("MNIST_DIR");
        if (dir == null || dir.isBlank() || data.options().has("dir")) {
            return data;
        }
        Map<String, Object> options = new LinkedHashMap<>(data.options().asMap());
        options.put("dir", dir);
        return DataConfig.of(data.source(), options);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
    }

    private static int number(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(key + " takes a whole number of at least 1, got '" + v + "'");
    }
}
