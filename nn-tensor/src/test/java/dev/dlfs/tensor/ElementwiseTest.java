package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every binary op and comparison, in every form, against the naive float64 reference. */
class ElementwiseTest {
    interface Out {
        Tensor apply(Tensor a, Tensor b, Tensor out);
    }

    interface Scalar {
        Tensor apply(Tensor a, double s);
    }

    interface ScalarOut {
        Tensor apply(Tensor a, double s, Tensor out);
    }

    /** One op: its reference, its forms (in-place forms are null for comparisons) and the input ranges it needs. */
    record Binary(String name, DoubleBinaryOperator ref, BiFunction<Tensor, Tensor, Tensor> alloc,
                  BiFunction<Tensor, Tensor, Tensor> inPlace, Out out, Scalar scalar, Scalar scalarInPlace,
                  ScalarOut scalarOut, double aLo, double aHi, double bLo, double bHi, boolean integers) {
        @Override
        public String toString() {
            return name;
        }

        Tensor a(Random rng, DType dtype, int... shape) {
            return integers ? Reference.randomIntegers(rng, dtype, 5, shape)
                    : Reference.random(rng, dtype, aLo, aHi, shape);
        }

        Tensor b(Random rng, DType dtype, int... shape) {
            return integers ? Reference.randomIntegers(rng, dtype, 5, shape)
                    : Reference.random(rng, dtype, bLo, bHi, shape);
        }

        double s(Random rng) {
            return integers ? rng.nextInt(5) - 2 : bLo + (bHi - bLo) * rng.nextDouble();
        }
    }

    static final List<Binary> OPS = List.of(
            new Binary("add", (x, y) -> x + y, Tensor::add, Tensor::addInPlace, Tensor::add, Tensor::add,
                    Tensor::addInPlace, Tensor::add, -3, 3, -3, 3, false),
            new Binary("sub", (x, y) -> x - y, Tensor::sub, Tensor::subInPlace, Tensor::sub, Tensor::sub,
                    Tensor::subInPlace, Tensor::sub, -3, 3, -3, 3, false),
            new Binary("mul", (x, y) -> x * y, Tensor::mul, Tensor::mulInPlace, Tensor::mul, Tensor::mul,
                    Tensor::mulInPlace, Tensor::mul, -3, 3, -3, 3, false),
            new Binary("div", (x, y) -> x / y, Tensor::div, Tensor::divInPlace, Tensor::div, Tensor::div,
                    Tensor::divInPlace, Tensor::div, -3, 3, 0.5, 3, false),
            new Binary("pow", Math::pow, Tensor::pow, Tensor::powInPlace, Tensor::pow, Tensor::pow,
                    Tensor::powInPlace, Tensor::pow, 0.5, 2, -3, 3, false),
            new Binary("maximum", Math::max, Tensor::maximum, Tensor::maximumInPlace, Tensor::maximum,
                    Tensor::maximum, Tensor::maximumInPlace, Tensor::maximum, -3, 3, -3, 3, false),
            new Binary("minimum", Math::min, Tensor::minimum, Tensor::minimumInPlace, Tensor::minimum,
                    Tensor::minimum, Tensor::minimumInPlace, Tensor::minimum, -3, 3, -3, 3, false),
            new Binary("gt", (x, y) -> x > y ? 1 : 0, Tensor::gt, null, Tensor::gt, Tensor::gt, null, Tensor::gt,
                    0, 0, 0, 0, true),
            new Binary("ge", (x, y) -> x >= y ? 1 : 0, Tensor::ge, null, Tensor::ge, Tensor::ge, null, Tensor::ge,
                    0, 0, 0, 0, true),
            new Binary("lt", (x, y) -> x < y ? 1 : 0, Tensor::lt, null, Tensor::lt, Tensor::lt, null, Tensor::lt,
                    0, 0, 0, 0, true),
            new Binary("le", (x, y) -> x <= y ? 1 : 0, Tensor::le, null, Tensor::le, Tensor::le, null, Tensor::le,
                    0, 0, 0, 0, true),
            new Binary("eq", (x, y) -> x == y ? 1 : 0, Tensor::eq, null, Tensor::eq, Tensor::eq, null, Tensor::eq,
                    0, 0, 0, 0, true));

    static Stream<Arguments> sameShapeCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Binary op : OPS) {
            for (DType dtype : DType.values()) {
                for (int[] shape : Reference.shapes()) {
                    cases.add(Arguments.of(op, dtype, shape));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sameShapeCases")
    void sameShapeMatchesReferenceInEveryForm(Binary op, DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape) * 31L + op.name().hashCode() + dtype.ordinal());
        Tensor a = op.a(rng, dtype, shape);
        Tensor b = op.b(rng, dtype, shape);
        Tensor result = op.alloc().apply(a, b);
        Reference.assertClose(Reference.binary(a, b, op.ref()), shape, result, op.name());
        assertFormsAgree(op, a, b, result);

        double s = op.s(rng);
        Tensor scalarResult = op.scalar().apply(a, s);
        Reference.assertClose(Reference.binary(a, Tensor.scalar(dtype, s), op.ref()), shape, scalarResult,
                op.name() + " scalar");
        Tensor out = Tensor.zeros(dtype, shape);
        assertSame(out, op.scalarOut().apply(a, s, out));
        assertEquals(scalarResult, out, op.name() + "(s, out)");
        if (op.scalarInPlace() != null) {
            Tensor c = a.copy();
            assertSame(c, op.scalarInPlace().apply(c, s));
            assertEquals(scalarResult, c, op.name() + "InPlace(s)");
        }
    }

    static Stream<Arguments> broadcastCases() {
        int[][][] pairs = {
                {{4, 17}, {17}},              // bias row
                {{1, 17}, {4, 17}},
                {{5, 33}, {5, 1}},            // per-row column
                {{5, 1}, {5, 33}},
                {{6, 1}, {1, 19}},            // outer product shape
                {{2, 3, 17}, {17}},           // rank 3 with rank 1
                {{2, 3, 17}, {3, 1}},
                {{2, 1, 16}, {3, 1}},
                {{3, 2, 4, 5}, {2, 1, 5}},    // rank 4
                {{3, 1, 4, 1}, {2, 1, 3}},
                {{3, 4}, {}},                 // rank-0 scalar
                {{}, {3, 4}},
                {{1}, {9}},
                {{1, 1, 1}, {31}},
                {{0, 5}, {5}},                // empty
        };
        List<Arguments> cases = new ArrayList<>();
        for (Binary op : OPS) {
            for (DType dtype : DType.values()) {
                for (int[][] p : pairs) {
                    cases.add(Arguments.of(op, dtype, p[0], p[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("broadcastCases")
    void broadcastingMatchesReferenceInEveryForm(Binary op, DType dtype, int[] aShape, int[] bShape) {
        Random rng = new Random(Arrays.hashCode(aShape) * 17L + Arrays.hashCode(bShape) + op.name().hashCode());
        Tensor a = op.a(rng, dtype, aShape);
        Tensor b = op.b(rng, dtype, bShape);
        Tensor result = op.alloc().apply(a, b);
        Reference.assertClose(Reference.binary(a, b, op.ref()), Reference.broadcast(aShape, bShape), result,
                op.name());
        assertFormsAgree(op, a, b, result);
    }

    /** The out form, and (where b broadcasts into a) the in-place form, write exactly what the new tensor holds. */
    private static void assertFormsAgree(Binary op, Tensor a, Tensor b, Tensor result) {
        Tensor out = Tensor.zeros(a.dtype(), result.shape());
        assertSame(out, op.out().apply(a, b, out));
        assertEquals(result, out, op.name() + "(b, out)");
        if (op.inPlace() != null && Arrays.equals(result.shape(), a.shape())) {
            Tensor c = a.copy();
            assertSame(c, op.inPlace().apply(c, b));
            assertEquals(result, c, op.name() + "InPlace(b)");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypeAndSize")
    void addScaledInPlaceAddsAlphaTimesB(DType dtype, int n) {
        Random rng = new Random(n);
        Tensor a = Reference.random(rng, dtype, -2, 2, 3, n);
        Tensor b = Reference.random(rng, dtype, -2, 2, 3, n);
        Tensor c = a.copy();
        assertSame(c, c.addScaledInPlace(-0.37, b));
        Reference.assertClose(Reference.binary(a, b, (x, y) -> x + -0.37 * y), a.shape(), c, "addScaledInPlace");
    }

    static Stream<Arguments> dtypeAndSize() {
        return Arrays.stream(DType.values()).flatMap(d -> Arrays.stream(Reference.TAIL_SIZES)
                .mapToObj(n -> Arguments.of(d, n)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypeAndSize")
    void whereSelectsXWhereMaskIsNonZero(DType dtype, int n) {
        Random rng = new Random(n * 7L);
        Tensor mask = Reference.randomIntegers(rng, dtype, 2, 2, n);
        Tensor x = Reference.random(rng, dtype, -1, 1, 2, n);
        Tensor y = Reference.random(rng, dtype, -1, 1, 2, n);
        double[] m = mask.toDoubleArray();
        double[] expected = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            expected[i] = m[i] != 0 ? x.getFlat(i) : y.getFlat(i);
        }
        Tensor result = Tensor.where(mask, x, y);
        Reference.assertClose(expected, new int[] {2, n}, result, 0, 0, "where");
        Tensor out = Tensor.zeros(dtype, 2, n);
        assertSame(out, Tensor.where(mask, x, y, out));
        assertEquals(result, out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dtypes")
    void whereBroadcastsAllThreeOperands(DType dtype) {
        Random rng = new Random(3);
        Tensor mask = Reference.randomIntegers(rng, dtype, 2, 4, 1);  // per-row choice
        Tensor x = Reference.random(rng, dtype, -1, 1, 5);             // a row
        Tensor y = Tensor.scalar(dtype, -9);                             // a scalar
        Tensor result = Tensor.where(mask, x, y);
        double[] expected = new double[20];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                expected[i * 5 + j] = mask.getFlat(i) != 0 ? x.getFlat(j) : -9;
            }
        }
        Reference.assertClose(expected, new int[] {4, 5}, result, 0, 0, "where");
    }

    static Stream<DType> dtypes() {
        return Stream.of(DType.values());
    }
}
