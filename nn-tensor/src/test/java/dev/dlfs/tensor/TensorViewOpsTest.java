package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ops on views that start inside a larger array (mini-batches from rows()) give what they give on copies. */
class TensorViewOpsTest {
    @ParameterizedTest
    @EnumSource(DType.class)
    void opsOnRowViewsMatchOpsOnCopies(DType dtype) {
        Random rng = new Random(11);
        Tensor big = Reference.random(rng, dtype, 0.5, 2, 9, 19);
        Tensor view = big.rows(3, 7);
        Tensor copy = view.copy();
        Tensor bias = Reference.random(rng, dtype, -1, 1, 19);
        Tensor column = big.rows(1, 5).sum(1, true);

        assertEquals(copy.add(bias), view.add(bias));
        assertEquals(copy.sub(column), view.sub(column));
        assertEquals(bias.mul(copy), bias.mul(view));
        assertEquals(copy.div(copy.reshape(4, 1, 19)), view.div(view.reshape(4, 1, 19)));
        assertEquals(copy.reshape(4, 1, 19).permute(1, 0, 2), view.reshape(4, 1, 19).permute(1, 0, 2));
        assertEquals(copy.exp(), view.exp());
        assertEquals(copy.gt(1.0), view.gt(1.0));
        assertEquals(copy.sum(0), view.sum(0));
        assertEquals(copy.max(1, true), view.max(1, true));
        assertEquals(copy.sumAll(), view.sumAll(), 0);
        assertArrayEquals(copy.argmax(1), view.argmax(1));
        assertEquals(copy.softmax(), view.softmax());
        assertEquals(copy.transpose(), view.transpose());
        assertEquals(copy.gatherRows(new int[] {3, 1}), view.gatherRows(new int[] {3, 1}));
        assertEquals(Tensor.where(copy.gt(1.0), copy, bias), Tensor.where(view.gt(1.0), view, bias));

        Tensor before = big.copy();
        view.addScaledInPlace(2, copy);
        copy.addScaledInPlace(2, copy.copy());
        assertEquals(copy, view);
        assertEquals(before.rows(0, 3), big.rows(0, 3), "rows above the view are untouched");
        assertEquals(before.rows(7, 9), big.rows(7, 9), "rows below the view are untouched");
        view.mulInPlace(bias).expInPlace();
        copy.mulInPlace(bias).expInPlace();
        assertEquals(copy, view);
        assertEquals(before.rows(7, 9), big.rows(7, 9));
    }
}
