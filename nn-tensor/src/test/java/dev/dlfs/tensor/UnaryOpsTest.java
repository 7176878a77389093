package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** neg, exp, log, sqrt, abs, square, tanh and sigmoid in all three forms against float64 references. */
class UnaryOpsTest {
    record Unary(String name, DoubleUnaryOperator ref, Function<Tensor, Tensor> alloc,
                 Function<Tensor, Tensor> inPlace, BiFunction<Tensor, Tensor, Tensor> out, double lo, double hi) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Unary> OPS = List.of(
            new Unary("neg", x -> -x, Tensor::neg, Tensor::negInPlace, Tensor::neg, -5, 5),
            new Unary("exp", Math::exp, Tensor::exp, Tensor::expInPlace, Tensor::exp, -20, 20),
            new Unary("log", Math::log, Tensor::log, Tensor::logInPlace, Tensor::log, 1e-3, 50),
            new Unary("sqrt", Math::sqrt, Tensor::sqrt, Tensor::sqrtInPlace, Tensor::sqrt, 0, 50),
            new Unary("abs", Math::abs, Tensor::abs, Tensor::absInPlace, Tensor::abs, -5, 5),
            new Unary("square", x -> x * x, Tensor::square, Tensor::squareInPlace, Tensor::square, -5, 5),
            new Unary("tanh", Math::tanh, Tensor::tanh, Tensor::tanhInPlace, Tensor::tanh, -6, 6),
            new Unary("sigmoid", x -> 1 / (1 + Math.exp(-x)), Tensor::sigmoid, Tensor::sigmoidInPlace,
                    Tensor::sigmoid, -12, 12));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Unary op : OPS) {
            for (DType dtype : DType.values()) {
                for (int[] shape : Reference.shapes()) {
                    cases.add(Arguments.of(op, dtype, shape));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesReferenceInEveryForm(Unary op, DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape) + 101L * op.name().hashCode() + dtype.ordinal());
        Tensor a = Reference.random(rng, dtype, op.lo(), op.hi(), shape);
        Tensor before = a.copy();
        Tensor result = op.alloc().apply(a);
        assertEquals(before, a, op.name() + " leaves its input alone");
        Reference.assertClose(apply(op.ref(), a), shape, result, op.name());

        Tensor out = Tensor.zeros(dtype, shape);
        assertSame(out, op.out().apply(a, out));
        assertEquals(result, out, op.name() + "(out)");
        Tensor c = a.copy();
        assertSame(c, op.inPlace().apply(c));
        assertEquals(result, c, op.name() + "InPlace()");
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(DType.values()).flatMap(d -> OPS.stream().map(op -> Arguments.of(op, d)));
    }

    /** Values outside the easy ranges, in a row long enough that both vector lanes and the scalar tail see them. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("edgeCases")
    void extremeInputsBehaveLikeTheScalarFunction(Unary op, DType dtype) {
        double[] special = {0, -0.0, 1000, -1000, 90, -90, 1e-30, -1, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.5};
        double[] v = new double[special.length * 3 + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = special[i % special.length];
        }
        Tensor a = Reference.fromValues(dtype, v, v.length);
        Tensor result = op.alloc().apply(a);
        Reference.assertClose(apply(op.ref(), a), a.shape(), result, op.name());
    }

    private static double[] apply(DoubleUnaryOperator f, Tensor a) {
        double[] x = a.toDoubleArray();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = f.applyAsDouble(x[i]);
        }
        return r;
    }
}
