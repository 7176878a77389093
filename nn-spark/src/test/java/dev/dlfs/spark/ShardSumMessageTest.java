package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gradient messages between barrier tasks give back every bit they were given, and never round. */
class ShardSumMessageTest {
    private static ShardBlock.ShardSum sum(int shard, SplittableRandom rng, boolean floats) {
        double[] w = new double[12];
        double[] b = new double[3];
        for (double[] v : List.of(w, b)) {
            for (int j = 0; j < v.length; j++) {
                double x = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-30, 30));
                v[j] = floats ? (float) x : x;
            }
        }
        b[0] = floats ? Float.MIN_VALUE : Double.MIN_VALUE;
        b[1] = -0.0;
        return new ShardBlock.ShardSum(shard, 25, rng.nextDouble() * 60, new TensorValues(List.of("W1", "b1"),
                List.of(new int[] {4, 3}, new int[] {3}), List.of(w, b)));
    }

    @Test
    void aRoundTripGivesBackTheSameBits() {
        SplittableRandom rng = new SplittableRandom(3);
        for (DType dtype : DType.values()) {
            List<ShardBlock.ShardSum> sums = List.of(sum(2, rng, dtype == DType.FLOAT32),
                    sum(5, rng, dtype == DType.FLOAT32));
            List<ShardBlock.ShardSum> back = ShardSumMessage.decode(ShardSumMessage.encode(sums, dtype));
            assertEquals(sums.size(), back.size());
            for (int i = 0; i < sums.size(); i++) {
                ShardBlock.ShardSum a = sums.get(i);
                ShardBlock.ShardSum z = back.get(i);
                assertEquals(a.shard(), z.shard());
                assertEquals(a.count(), z.count());
                assertEquals(Double.doubleToRawLongBits(a.lossSum()), Double.doubleToRawLongBits(z.lossSum()));
                assertEquals(a.sums().names(), z.sums().names());
                for (int t = 0; t < 2; t++) {
                    assertArrayEquals(a.sums().shapes().get(t), z.sums().shapes().get(t));
                    double[] x = a.sums().values().get(t);
                    double[] y = z.sums().values().get(t);
                    assertEquals(x.length, y.length);
                    for (int j = 0; j < x.length; j++) {
                        assertEquals(Double.doubleToRawLongBits(x[j]), Double.doubleToRawLongBits(y[j]),
                                dtype + " element " + j);
                    }
                }
            }
        }
    }

    @Test
    void aValueThatIsNoFloatIsRefusedInAFloat32Message() {
        ShardBlock.ShardSum s = sum(0, new SplittableRandom(4), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ShardSumMessage.encode(List.of(s), DType.FLOAT32));
        assertTrue(e.getMessage().startsWith("gradient sum of W1 holds"), e.getMessage());
    }
}
