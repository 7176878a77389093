package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    @Test
    void logicGatesFollowTheBooksTruthTables() {
        // The book's chapter 2 tables, rows (x1, x2) = (0,0), (1,0), (0,1), (1,1).
        int[][] expected = {{0, 0, 0, 1}, {0, 1, 1, 1}, {1, 1, 1, 0}, {0, 1, 1, 0}};
        LogicGate[] gates = {LogicGate.AND, LogicGate.OR, LogicGate.NAND, LogicGate.XOR};
        for (int g = 0; g < 4; g++) {
            Dataset d = gates[g].dataset(DType.FLOAT64, false);
            assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1, 1, 1}, d.x().toDoubleArray());
            assertArrayEquals(expected[g], Labels.of(d.t()), gates[g].name());
            assertEquals(2, d.classes());
            Dataset oneHot = gates[g].dataset(DType.FLOAT32, true);
            assertArrayEquals(new int[] {4, 2}, oneHot.t().shape());
            assertArrayEquals(expected[g], Labels.of(oneHot.t()));
        }
    }

    @Test
    void spiralsAreTwoBalancedInterleavedArms() {
        int n = 50;
        Dataset d = Spirals.generate(n, 1.5, 0.3, 9, DType.FLOAT64, false);
        assertArrayEquals(new int[] {2 * n, 2}, d.x().shape());
        int[] labels = Labels.of(d.t());
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(i < n ? 0 : 1, labels[i]);
            double r = Math.hypot(d.x().get(i, 0), d.x().get(i, 1));
            assertEquals((i % n + 1.0) / n, r, 1e-12, "noise turns points, it does not move them in or out");
        }
        Dataset clean = Spirals.generate(n, 1.5, 0.0, 9, DType.FLOAT64, false);
        for (int i = 0; i < n; i++) {
            double r = (i + 1.0) / n;
            double theta = 2 * Math.PI * 1.5 * r;
            assertEquals(r * Math.cos(theta), clean.x().get(i, 0), 1e-12);
            assertEquals(r * Math.sin(theta), clean.x().get(i, 1), 1e-12);
            assertEquals(-clean.x().get(i, 0), clean.x().get(n + i, 0), 1e-12, "class 1 is class 0 turned by π");
            assertEquals(-clean.x().get(i, 1), clean.x().get(n + i, 1), 1e-12);
        }
    }

    @Test
    void spiralsAreSeeded() {
        Tensor a = Spirals.generate(20, 1.5, 0.2, 1, DType.FLOAT32, true).x();
        Tensor b = Spirals.generate(20, 1.5, 0.2, 1, DType.FLOAT32, true).x();
        Tensor c = Spirals.generate(20, 1.5, 0.2, 2, DType.FLOAT32, true).x();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertThrows(IllegalArgumentException.class, () -> Spirals.generate(0, 1.5, 0.2, 1, DType.FLOAT32, false));
        assertThrows(IllegalArgumentException.class, () -> Spirals.generate(5, 1.5, -1, 1, DType.FLOAT32, false));
    }
}
