package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {
    /** Row i of x is (i, 10i, 100i); its label is i mod 4, one-hot. */
    private static Dataset data(int n) {
        Tensor x = Tensor.zeros(DType.FLOAT32, n, 3);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, i, 0);
            x.set(10 * i, i, 1);
            x.set(100 * i, i, 2);
            labels[i] = i % 4;
        }
        return new Dataset("rows", x, Labels.oneHot(labels, 4, DType.FLOAT32), 4, List.of());
    }

    /** The batch's rows are the data set's rows at its indices, checked element by element. */
    private static void assertRowsMatch(Batch b) {
        assertEquals(b.size(), b.x().dim(0));
        assertEquals(b.size(), b.t().dim(0));
        for (int r = 0; r < b.size(); r++) {
            int i = b.indices()[r];
            assertEquals(i, b.x().get(r, 0));
            assertEquals(10 * i, b.x().get(r, 1));
            assertEquals(100 * i, b.x().get(r, 2));
            for (int k = 0; k < 4; k++) {
                assertEquals(k == i % 4 ? 1 : 0, b.t().get(r, k));
            }
        }
    }

    private static List<int[]> indices(BatchSampler s, int batches) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            out.add(s.next().indices().clone());
        }
        return out;
    }

    @Test
    void randomSamplerDrawsWithReplacementIntoReusedBuffers() {
        Dataset d = data(10);
        RandomBatchSampler s = new RandomBatchSampler(d, 6, 42);
        Batch first = s.next();
        assertRowsMatch(first);
        int[] counts = new int[10];
        boolean repeatedInABatch = false;
        for (int it = 0; it < 5000; it++) {
            Batch b = s.next();
            assertSame(first.x(), b.x());
            assertSame(first.t(), b.t());
            assertSame(first.indices(), b.indices());
            assertRowsMatch(b);
            for (int i : b.indices()) {
                counts[i]++;
            }
            repeatedInABatch |= Arrays.stream(b.indices()).distinct().count() < b.size();
        }
        assertTrue(repeatedInABatch, "with replacement, some batch repeats a sample");
        for (int c : counts) {
            assertEquals(3000, c, 300, "uniform draws: " + Arrays.toString(counts));
        }
        assertEquals(1, s.batchesPerEpoch());
        assertEquals(3, new RandomBatchSampler(data(10), 3, 0).batchesPerEpoch());
    }

    @Test
    void sameSeedSameBatchesOtherSeedOtherBatches() {
        List<int[]> a = indices(new RandomBatchSampler(data(50), 8, 7), 20);
        List<int[]> b = indices(new RandomBatchSampler(data(50), 8, 7), 20);
        List<int[]> c = indices(new RandomBatchSampler(data(50), 8, 8), 20);
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertFalse(Arrays.deepEquals(a.toArray(), c.toArray()));

        List<int[]> e1 = indices(new EpochSampler(data(50), 8, false, 7), 20);
        List<int[]> e2 = indices(new EpochSampler(data(50), 8, false, 7), 20);
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(e1.get(i), e2.get(i));
        }
    }

    @Test
    void epochSamplerVisitsEverySampleOncePerEpochKeepingTheLastPartialBatch() {
        EpochSampler s = new EpochSampler(data(10), 3, false, 1);
        assertEquals(4, s.batchesPerEpoch());
        assertEquals(-1, s.epoch());
        List<List<Integer>> orders = new ArrayList<>();
        Batch partial = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> seen = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Batch b = s.next();
                assertEquals(epoch, s.epoch());
                assertEquals(k == 3 ? 1 : 3, b.size());
                assertEquals(k == 3, s.endOfEpoch());
                assertRowsMatch(b);
                if (k == 3) {
                    if (partial != null) {
                        assertSame(partial.x(), b.x(), "the partial batch's buffers are reused too");
                    }
                    partial = b;
                }
                Arrays.stream(b.indices()).forEach(seen::add);
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen.stream().sorted().toList());
            orders.add(seen);
        }
        assertNotEquals(orders.get(0), orders.get(1), "each epoch is shuffled afresh");
    }

    @Test
    void epochOrdersAreUniformOverAllPermutations() {
        EpochSampler s = new EpochSampler(data(3), 3, false, 11);
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int epoch = 0; epoch < 6000; epoch++) {
            seen.merge(Arrays.toString(s.next().indices()), 1, Integer::sum);
        }
        assertEquals(6, seen.size(), "every order of 3 samples occurs: " + seen);
        seen.values().forEach(c -> assertEquals(1000, c, 150, "uniform: " + seen));
    }

    @Test
    void epochSamplerCanDropTheLastPartialBatch() {
        EpochSampler s = new EpochSampler(data(10), 3, true, 1);
        assertEquals(3, s.batchesPerEpoch());
        Batch first = s.next();
        List<Integer> seen = new ArrayList<>();
        Arrays.stream(first.indices()).forEach(seen::add);
        for (int k = 1; k < 3 * 4; k++) {
            Batch b = s.next();
            assertSame(first.x(), b.x());
            assertEquals(3, b.size());
            assertRowsMatch(b);
            if (k < 3) {
                Arrays.stream(b.indices()).forEach(seen::add);
            }
        }
        assertEquals(3, s.epoch());
        assertEquals(9, seen.stream().distinct().count(), "no sample twice within an epoch: " + seen);
    }

    @Test
    void aBatchLargerThanTheDataIsTheWholeDataUnlessDropped() {
        EpochSampler s = new EpochSampler(data(4), 10, false, 3);
        assertEquals(1, s.batchesPerEpoch());
        Batch b = s.next();
        assertEquals(4, b.size());
        assertEquals(List.of(0, 1, 2, 3), Arrays.stream(b.indices()).sorted().boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> new EpochSampler(data(4), 10, true, 3));
        assertThrows(IllegalArgumentException.class, () -> new EpochSampler(data(4), 0, false, 3));
        assertThrows(IllegalArgumentException.class, () -> new RandomBatchSampler(data(4), 0, 3));
    }

    @Test
    void indexTargetsAreGatheredToo() {
        Dataset d = new Dataset("idx", data(6).x(), Labels.indices(new int[] {5, 4, 3, 2, 1, 0}, DType.FLOAT32), 6,
                List.of());
        Batch b = new RandomBatchSampler(d, 4, 5).next();
        assertArrayEquals(new int[] {4}, b.t().shape());
        for (int r = 0; r < 4; r++) {
            assertEquals(5 - b.indices()[r], b.t().getFlat(r));
        }
    }
}
