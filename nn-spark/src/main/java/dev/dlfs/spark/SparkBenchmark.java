package dev.dlfs.spark;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.EvalSchedule;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingConfig;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The measurements of docs/benchmarks.md (Spark section), on MNIST with examples/two-layer-net.yaml:
 * <ol>
 *   <li>the time per training step of the exact Spark mode (one step per job, and, with {@code --steps-per-job},
 *       several per job in barrier mode) against single-JVM {@link Trainer} (whole batches, and the same shards),
 *       run alternately for several rounds, medians reported;</li>
 *   <li>the test accuracy after the same number of samples: exact mode against local SGD.</li>
 * </ol>
 * Arguments: rounds (0 to skip the timing), steps per timed run, iterations of the accuracy runs (0 to skip them),
 * their seeds (comma-separated), then the local-SGD periods, e.g. {@code 5 200 2000 42,1,2 4 16}; anywhere,
 * {@code --steps-per-job 10,50} adds a timed exact run per value. The master comes from {@code --master} of
 * scripts/spark-run.sh (SPARK_MASTER).
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        int[] perJob = {};
        int at = a.indexOf("--steps-per-job");
        if (at >= 0) {
            perJob = Arrays.stream(a.get(at + 1).split(",")).mapToInt(Integer::parseInt).toArray();
            a.subList(at, at + 2).clear();
        }
        int rounds = Integer.parseInt(a.get(0));
        int steps = Integer.parseInt(a.get(1));
        int iterations = Integer.parseInt(a.get(2));
        long[] seeds = Arrays.stream(a.get(3).split(",")).mapToLong(Long::parseLong).toArray();
        int[] periods = a.subList(4, a.size()).stream().mapToInt(Integer::parseInt).toArray();
        NetworkConfig config = NetworkConfig.load(Path.of("examples/two-layer-net.yaml"));
        config = config.withTraining(config.training().withShards(4));
        DataSplit data = config.loadData();
        SparkSession spark = SparkSession.builder().appName("dlfs spark benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Path parquet = Path.of("runs/spark-mnist/parquet");
            for (String part : List.of("train", "test")) {
                if (!Files.isDirectory(parquet.resolve(part))) {
                    ParquetDataset.write(spark, part.equals("train") ? data.train() : data.test(),
                            parquet.resolve(part));
                }
            }
            Dataset<Row> train = spark.read().parquet(parquet.resolve("train").toString()).cache();
            Dataset<Row> test = spark.read().parquet(parquet.resolve("test").toString()).cache();
            System.out.printf("master %s, %d cores available to the JVM%n", spark.sparkContext().master(),
                    Runtime.getRuntime().availableProcessors());
            if (rounds > 0) {
                overhead(config, data, train, test, rounds, steps, perJob);
            }
            for (long seed : iterations > 0 ? seeds : new long[0]) {
                System.out.println("seed " + seed);
                accuracy(config.withSeed(seed).withTraining(config.training().withSeed(seed)), data, train, test,
                        iterations, periods);
            }
        } finally {
            spark.stop();
        }
    }

    private static void overhead(NetworkConfig config, DataSplit data, Dataset<Row> train, Dataset<Row> test,
                                 int rounds, int steps, int[] perJob) {
        TrainingConfig t = config.training().withIterations(steps).withEval(EvalSchedule.none());
        NetworkConfig c = config.withTraining(t);
        NetworkConfig whole = config.withTraining(t.withShards(0));
        List<String> names = new ArrayList<>(List.of("Trainer", "Trainer 4 shards", "Spark exact"));
        for (int k : perJob) {
            names.add("Spark exact " + k + " steps per job");
        }
        double[][] ms = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            ms[0][r] = perStep(1, l -> new Trainer(Network.of(whole), whole.createOptimizer(), whole.training())
                    .listener(l).run(data));
            ms[1][r] = perStep(1, l -> new Trainer(Network.of(c), c.createOptimizer(), c.training()).listener(l)
                    .run(data));
            ms[2][r] = perStep(1, l -> SparkTrainer.of(Network.of(c)).listener(l).run(train, test));
            for (int j = 0; j < perJob.length; j++) {
                int k = perJob[j];
                long wakes = BarrierWake.wakes();
                ms[3 + j][r] = perStep(k, l -> SparkTrainer.of(Network.of(c)).stepsPerJob(k).listener(l)
                        .run(train, test));
                System.out.printf(Locale.ROOT, "  (%d steps per job: %d barrier wakes)%n", k,
                        BarrierWake.wakes() - wakes);
            }
            StringBuilder line = new StringBuilder("round " + (r + 1) + ": ms per step:");
            for (int i = 0; i < names.size(); i++) {
                line.append(String.format(Locale.ROOT, "%s %s %.2f", i == 0 ? "" : ",", names.get(i), ms[i][r]));
            }
            System.out.println(line);
        }
        StringBuilder line = new StringBuilder("median ms per step over " + rounds + " rounds of " + steps
                + " steps:");
        for (int i = 0; i < names.size(); i++) {
            line.append(String.format(Locale.ROOT, "%s %s %.2f", i == 0 ? "" : ",", names.get(i), median(ms[i])));
        }
        System.out.println(line);
    }

    private static void accuracy(NetworkConfig config, DataSplit data, Dataset<Row> train, Dataset<Row> test,
                                 int iterations, int[] periods) {
        NetworkConfig c = config.withTraining(config.training().withIterations(iterations)
                .withEval(EvalSchedule.none()));
        NetworkConfig whole = c.withTraining(c.training().withShards(0));
        report("Trainer, whole batches", new Trainer(Network.of(whole), whole.createOptimizer(), whole.training())
                .run(data), iterations);
        report("Spark exact, 4 shards", SparkTrainer.of(Network.of(c)).run(train, test), iterations);
        for (int k : periods) {
            report("Spark local SGD, k = " + k, SparkTrainer.of(Network.of(c)).localSgd(k).run(train, test),
                    iterations);
        }
    }

    private static void report(String what, TrainingResult r, int iterations) {
        System.out.printf(Locale.ROOT, "%s: %d iterations of 100 (%d samples), test accuracy %.4f, train accuracy"
                + " %.4f, %.1f s%n", what, iterations, iterations * 100, r.testAccuracy(), r.trainAccuracy(),
                r.elapsed().toMillis() / 1e3);
    }

    /**
     * Milliseconds per step from the end of the first job to the last update of a run, without data loading or
     * evaluation: a run of {@code perJob} steps per job reports its first job's steps together, at the job's end.
     */
    private static double perStep(int perJob, Consumer<TrainingListener> run) {
        long[] at = new long[2];
        int[] last = {0};
        run.accept(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                at[iteration == perJob - 1 ? 0 : 1] = System.nanoTime();
                last[0] = iteration;
            }
        });
        return (at[1] - at[0]) / 1e6 / (last[0] - (perJob - 1));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
