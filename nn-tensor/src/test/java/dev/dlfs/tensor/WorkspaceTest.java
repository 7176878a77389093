package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WorkspaceTest {
    @Test
    void theSameShapeGetsTheSameTensor() {
        Workspace ws = new Workspace();
        Tensor a = ws.get(DType.FLOAT32, 4, 3);
        assertSame(a, ws.get(DType.FLOAT32, 4, 3));
        assertSame(a, ws.like(Tensor.zeros(DType.FLOAT32, 4, 3)));
    }

    @Test
    void aSmallerBatchIsAViewAndAnotherShapeOrDtypeAllocates() {
        Workspace ws = new Workspace();
        Tensor full = ws.get(DType.FLOAT32, 4, 3);
        Tensor last = ws.get(DType.FLOAT32, 2, 3);
        assertArrayEquals(new int[] {2, 3}, last.shape());
        last.fill(7.0);
        assertArrayEquals(new double[] {7, 7, 7}, full.rows(0, 1).toDoubleArray());
        assertNotSame(full, ws.get(DType.FLOAT32, 4, 5));
        assertNotSame(full, ws.get(DType.FLOAT64, 4, 3));
    }
}
