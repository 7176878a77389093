package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails with an IllegalArgumentException that names the operation and the shapes or dtypes. */
class TensorErrorsTest {
    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should mention '" + part + "'");
        }
    }

    @Test
    void incompatibleShapesNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(100, 784);
        Tensor b = Tensor.zeros(50);
        assertEquals("add: shapes (100, 784) and (50,) cannot be broadcast", message(() -> a.add(b)));
        assertEquals("mul: shapes (100, 784) and (50,) cannot be broadcast",
                message(() -> a.mul(b, Tensor.zeros(100, 784))));
        assertEquals("gt: shapes (2, 3) and (3, 2) cannot be broadcast",
                message(() -> Tensor.zeros(2, 3).gt(Tensor.zeros(3, 2))));
        assertMentions(message(() -> Tensor.where(Tensor.zeros(2), Tensor.zeros(3), Tensor.zeros(1))),
                "where", "(2,)", "(3,)");
    }

    @Test
    void mixedDtypesAreRefused() {
        Tensor f = Tensor.zeros(DType.FLOAT32, 2, 2);
        Tensor d = Tensor.zeros(DType.FLOAT64, 2, 2);
        assertMentions(message(() -> f.add(d)), "add: dtypes float32 and float64 differ");
        assertMentions(message(() -> f.subInPlace(d)), "subInPlace: dtypes float32 and float64 differ");
        assertMentions(message(() -> f.addScaledInPlace(1, d)), "addScaledInPlace", "float32", "float64");
        assertMentions(message(() -> Tensor.where(f, f, d)), "where", "float32", "float64");
    }

    @Test
    void wrongOutTensorsAreRefused() {
        Tensor a = Tensor.zeros(2, 3);
        assertEquals("add: out has shape (3, 2) but the result has shape (2, 3)",
                message(() -> a.add(a, Tensor.zeros(3, 2))));
        assertEquals("add: out is float64 but the result is float32",
                message(() -> a.add(a, Tensor.zeros(DType.FLOAT64, 2, 3))));
        assertMentions(message(() -> a.exp(Tensor.zeros(6))), "exp", "(6,)", "(2, 3)");
        assertMentions(message(() -> a.mul(2.0, Tensor.zeros(2, 2))), "mul", "(2, 2)", "(2, 3)");
        assertMentions(message(() -> a.sum(0, false, Tensor.zeros(1, 3))), "sum", "(1, 3)", "(3,)");
        assertMentions(message(() -> a.softmax(Tensor.zeros(3, 2))), "softmax", "(3, 2)", "(2, 3)");
        assertMentions(message(() -> Tensor.zeros(5, 4).gatherRows(new int[] {1}, Tensor.zeros(2, 4))),
                "gatherRows", "(2, 4)", "(1, 4)");
    }

    @Test
    void inPlaceResultMustFitThisTensor() {
        String m = message(() -> Tensor.zeros(3, 1).addInPlace(Tensor.zeros(3, 4)));
        assertMentions(m, "addInPlace", "(3, 1)", "(3, 4)");
        assertMentions(message(() -> Tensor.zeros(3).addScaledInPlace(2, Tensor.zeros(1))),
                "addScaledInPlace", "(3,)", "(1,)");
    }

    @Test
    void badAxesAreRefused() {
        Tensor a = Tensor.zeros(2, 3);
        assertEquals("sum: axis 3 is out of range for rank 2", message(() -> a.sum(3)));
        assertEquals("max: axis -3 is out of range for rank 2", message(() -> a.max(-3, true)));
        assertEquals("argmax: axis 2 is out of range for rank 2", message(() -> a.argmax(2)));
        assertMentions(message(() -> Tensor.zeros(2, 3, 4).permute(0, 0, 1)), "permute", "(2, 3, 4)");
        assertMentions(message(() -> Tensor.zeros(2, 3, 4).permute(0, 1)), "permute", "2 axes");
        assertMentions(message(() -> Tensor.zeros(2, 3, 4).transpose()), "transpose", "(2, 3, 4)");
    }

    @Test
    void emptyReductionsWithoutAnIdentityAreRefused() {
        assertMentions(message(() -> Tensor.zeros(0).maxAll()), "maxAll", "(0,)", "empty");
        assertMentions(message(() -> Tensor.zeros(2, 0).min(1)), "min", "axis 1", "empty");
        assertMentions(message(() -> Tensor.zeros(0, 2).argmaxAll()), "argmaxAll", "empty");
        assertEquals(0.0, Tensor.zeros(0).sumAll(), "an empty sum is 0");
    }

    @Test
    void otherBadInputsNameTheOp() {
        assertMentions(message(() -> Tensor.zeros(5, 2).gatherRows(new int[] {0, 5})),
                "gatherRows", "index 5", "5 rows");
        assertMentions(message(() -> Tensor.scalar(DType.FLOAT32, 1).softmax()), "softmax");
        assertMentions(message(() -> Tensor.zeros(2).allClose(Tensor.zeros(3), 0, 0)), "allClose", "(2,)", "(3,)");
        assertMentions(message(() -> Tensor.zeros(100, 784).matmul(Tensor.zeros(500, 50))),
                "matmul", "(100, 784)", "(500, 50)");
    }
}
