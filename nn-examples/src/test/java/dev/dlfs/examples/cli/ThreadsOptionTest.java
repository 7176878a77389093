package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlfs train --threads 1} and {@code --threads 2}, each in its own JVM, write the same checkpoint and metrics,
 * byte for byte. The products are large enough to be split: (100 × 784) · (784 × 100) is 15.7 million flops, ten
 * times the size below which gemm keeps a product on one thread (TrainerTest proves the split for this shape).
 */
class ThreadsOptionTest {
    static final String WIDE = """
            name: wide-net
            input: [784]
            layers:
              - {type: affine, units: 100, init: he}
              - {type: relu}
              - {type: affine, units: 10, init: he}
            loss: softmax-with-loss
            optimizer: {type: momentum, lr: 0.05}
            training: {iterations: 12, batch-size: 100, seed: 5, eval: every 6}
            data: {source: csv, train: TRAIN, header: false, test-fraction: 0.25}
            """;

    @Test
    void oneAndTwoThreadsTrainTheSameBits(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("wide.csv");
        SplittableRandom rng = new SplittableRandom(17);
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 400; row++) {
            for (int col = 0; col < 784; col++) {
                sb.append(String.format(Locale.ROOT, "%.3f,", rng.nextDouble()));
            }
            sb.append(rng.nextInt(10)).append('\n');
        }
        Files.writeString(csv, sb);
        Path config = dir.resolve("wide.yaml");
        Files.writeString(config, WIDE.replace("TRAIN", csv.toString()));
        for (String threads : new String[] {"1", "2"}) {
            ForkedDlfs.Result r = ForkedDlfs.run(dir, "--threads", threads, "train", config.toString(),
                    "--out", dir.resolve("run-" + threads).toString());
            assertEquals(0, r.exitCode(), r.toString());
        }
        for (String file : new String[] {"checkpoint.npz", "metrics.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("run-1").resolve(file)),
                    Files.readAllBytes(dir.resolve("run-2").resolve(file)), file + " differs between 1 and 2 threads");
        }
        assertEquals(1 + 12 + 1, Files.readAllLines(dir.resolve("run-1/metrics.csv")).size(),
                "header, 12 iterations, the final evaluation");
    }
}
