package dev.dlfs.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Softmax-with-loss and sigmoid-with-loss give the same loss and gradient bits on their first (cold) call as after
 * thousands of calls, once the JIT has compiled their kernels: a training run must not depend on when that happens.
 */
class LossDeterminismTest {
    /** Forward and backward of both losses on fixed batches, in both dtypes, as bits. */
    private static List<long[]> results() {
        List<long[]> out = new ArrayList<>();
        for (DType dtype : DType.values()) {
            Tensor scores = uniform(1, dtype, -20, 20, 997, 10);
            Tensor labels = labels(2, 997, 10).to(dtype);
            out.add(run("softmax-with-loss", scores, labels));
            out.add(run("softmax-with-loss", scores, oneHot(labels, 10)));
            Tensor logits = uniform(3, dtype, -40, 40, 1001, 3);
            out.add(run("sigmoid-with-loss", logits, uniform(4, dtype, 0, 1, 1001, 3)));
        }
        return out;
    }

    private static long[] run(String name, Tensor y, Tensor t) {
        Loss loss = LossRegistry.create(name, Options.empty());
        double value = loss.forward(y, t);
        Tensor g = loss.backward();
        long[] bits = new long[g.size() + 1];
        bits[0] = Double.doubleToRawLongBits(value);
        for (int i = 0; i < g.size(); i++) {
            bits[i + 1] = Double.doubleToRawLongBits(g.getFlat(i));
        }
        return bits;
    }

    private static Tensor uniform(long seed, DType dtype, double lo, double hi, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[shape[0] * shape[1]];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(v, shape).to(dtype);
    }

    private static Tensor labels(long seed, int rows, int classes) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = rng.nextInt(classes);
        }
        return Tensor.of(v, rows);
    }

    private static Tensor oneHot(Tensor labels, int classes) {
        Tensor t = Tensor.zeros(labels.dtype(), labels.size(), classes);
        for (int r = 0; r < labels.size(); r++) {
            t.setFlat(r * classes + (int) labels.getFlat(r), 1);
        }
        return t;
    }

    @Test
    void firstCallsAndCompiledCallsGiveTheSameBits() {
        List<long[]> cold = results();
        for (int i = 0; i < 20_000; i++) {
            // Small batches of every size up to 23 rows, so that every tail gets compiled.
            DType dtype = DType.values()[i % 2];
            int rows = 1 + i % 23;
            Tensor y = uniform(i, dtype, -5, 5, rows, i % 3 == 0 ? 1 : 10);
            if (y.dim(1) == 1) {
                run("sigmoid-with-loss", y, uniform(~i, dtype, 0, 1, rows, 1));
            } else {
                run("softmax-with-loss", y, labels(i, rows, 10).to(dtype));
            }
        }
        for (int i = 0; i < 100; i++) {
            results();      // and whole batches, so that the vector loops are compiled as hot code too
        }
        List<long[]> warm = results();
        for (int k = 0; k < cold.size(); k++) {
            long[] a = cold.get(k);
            long[] b = warm.get(k);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], "result " + k + ", " + (i == 0 ? "loss" : "gradient element " + (i - 1))
                        + " changed once compiled");
            }
        }
    }
}
