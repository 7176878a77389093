package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** sum, mean, max, min (whole tensor and per axis), argmax and softmax against float64 references. */
class ReductionsTest {
    interface AxisForm {
        Tensor apply(Tensor t, int axis, boolean keepDims, Tensor out);
    }

    record Reduction(String name, AxisForm form, DoubleBinaryOperator combine, double identity, boolean mean) {
        @Override
        public String toString() {
            return name;
        }

        /** Reference over an axis, visiting the multi-index of every element. */
        double[] reference(Tensor t, int axis) {
            int[] shape = t.shape();
            int n = shape[axis];
            int[] reduced = shape.clone();
            reduced[axis] = 1;
            double[] acc = new double[Reference.size(reduced)];
            Arrays.fill(acc, identity);
            for (int i = 0; i < t.size(); i++) {
                int j = Reference.sourceIndex(i, shape, reduced);
                acc[j] = combine.applyAsDouble(acc[j], t.getFlat(i));
            }
            if (mean) {
                for (int j = 0; j < acc.length; j++) {
                    acc[j] /= n;
                }
            }
            return acc;
        }
    }

    static final List<Reduction> REDUCTIONS = List.of(
            new Reduction("sum", Tensor::sum, Double::sum, 0, false),
            new Reduction("mean", Tensor::mean, Double::sum, 0, true),
            new Reduction("max", Tensor::max, Math::max, Double.NEGATIVE_INFINITY, false),
            new Reduction("min", Tensor::min, Math::min, Double.POSITIVE_INFINITY, false));

    static Stream<Arguments> axisCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Reduction r : REDUCTIONS) {
            for (DType dtype : DType.values()) {
                for (int[] shape : Reference.shapes()) {
                    cases.add(Arguments.of(r, dtype, shape));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("axisCases")
    void everyAxisWithAndWithoutKeepDimsMatchesReference(Reduction r, DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape) + 13L * r.name().hashCode());
        Tensor t = Reference.random(rng, dtype, -2, 2, shape);
        for (int axis = 0; axis < shape.length; axis++) {
            double[] expected = r.reference(t, axis);
            int[] kept = shape.clone();
            kept[axis] = 1;
            int[] dropped = new int[shape.length - 1];
            for (int a = 0, k = 0; a < shape.length; a++) {
                if (a != axis) {
                    dropped[k++] = shape[a];
                }
            }
            // float32 sums are accumulated in float32: allow for rounding that grows with the axis length.
            double rtol = dtype == DType.FLOAT32 ? 1e-6 * shape[axis] : 1e-13;
            String what = r.name() + " axis " + axis;
            Tensor keep = r.form().apply(t, axis, true, null);
            Reference.assertClose(expected, kept, keep, rtol, rtol, what + " keepDims");
            Tensor drop = r.form().apply(t, axis, false, null);
            Reference.assertClose(expected, dropped, drop, rtol, rtol, what);
            Tensor negative = r.form().apply(t, axis - shape.length, false, null);
            assertEquals(drop, negative, what + " as a negative axis");
            Tensor out = Tensor.full(dtype, 99, dropped);
            assertSame(out, r.form().apply(t, axis, false, out));
            assertEquals(drop, out, what + " into out");
        }
    }

    @Test
    void shortFormsDropTheAxis() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(Tensor.of(new double[] {5, 7, 9}, 3), t.sum(0));
        assertEquals(Tensor.of(new double[] {2, 5}, 2), t.mean(1));
        assertEquals(Tensor.of(new double[] {3, 6}, 2), t.max(-1));
        assertEquals(Tensor.of(new double[] {1, 2, 3}, 3), t.min(0));
        assertEquals(Tensor.of(new double[] {6, 15}, 2, 1), t.sum(1, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypeAndShape")
    void wholeTensorReductionsMatchReference(DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape));
        Tensor t = Reference.random(rng, dtype, -2, 2, shape);
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double absSum = 0;
        for (double v : t.toDoubleArray()) {
            sum += v;
            absSum += Math.abs(v);
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double tol = (dtype == DType.FLOAT32 ? 1e-6 : 1e-14) * absSum;
        assertEquals(sum, t.sumAll(), tol);
        assertEquals(sum / t.size(), t.meanAll(), tol / t.size());
        assertEquals(max, t.maxAll(), 0);
        assertEquals(min, t.minAll(), 0);
    }

    static Stream<Arguments> dtypeAndShape() {
        return Stream.of(DType.values()).flatMap(d -> Reference.shapes().stream().map(s -> Arguments.of(d, s)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nanPropagatesThroughMaxAndMin(DType dtype) {
        double[] v = new double[37];
        v[20] = Double.NaN;
        Tensor t = Reference.fromValues(dtype, v, v.length);
        assertTrue(Double.isNaN(t.maxAll()));
        assertTrue(Double.isNaN(t.minAll()));
        assertTrue(Double.isNaN(t.sumAll()));
        v[20] = 0;
        v[35] = Double.NaN;  // in the scalar tail
        assertTrue(Double.isNaN(Reference.fromValues(dtype, v, v.length).maxAll()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypeAndShape")
    void argmaxFindsTheFirstLargestAlongEveryAxis(DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape) + 5);
        Tensor t = Reference.randomIntegers(rng, dtype, 4, shape);  // many ties
        for (int axis = 0; axis < shape.length; axis++) {
            int[] reduced = shape.clone();
            reduced[axis] = 1;
            int[] expected = new int[Reference.size(reduced)];
            double[] best = new double[expected.length];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < t.size(); i++) {
                int j = Reference.sourceIndex(i, shape, reduced);
                int position = positionAlong(i, shape, axis);
                if (t.getFlat(i) > best[j]) {
                    best[j] = t.getFlat(i);
                    expected[j] = position;
                }
            }
            assertArrayEquals(expected, t.argmax(axis), "argmax axis " + axis);
            assertArrayEquals(expected, t.argmax(axis - shape.length), "argmax axis " + (axis - shape.length));
        }
        int expectedAll = 0;
        for (int i = 1; i < t.size(); i++) {
            if (t.getFlat(i) > t.getFlat(expectedAll)) {
                expectedAll = i;
            }
        }
        assertEquals(expectedAll, t.argmaxAll());
    }

    private static int positionAlong(int flat, int[] shape, int axis) {
        for (int a = shape.length - 1; a > axis; a--) {
            flat /= shape[a];
        }
        return flat % shape[axis];
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxMatchesTheBook(DType dtype) {
        Tensor y = Reference.fromValues(dtype, new double[] {0.3, 2.9, 4.0}, 3).softmax();
        assertArrayEquals(new double[] {0.01821127, 0.24519181, 0.73659691}, y.toDoubleArray(), 1e-7);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxOfLargeInputsIsFiniteAndSumsToOne(DType dtype) {
        Tensor y = Reference.fromValues(dtype, new double[] {1010, 1000, 990}, 3).softmax();
        assertTrue(y.allFinite(), y.toString());
        assertEquals(1.0, y.sumAll(), 1e-6);
        // exp(-10) / (1 + exp(-10) + exp(-20)), worked out by hand from the shifted inputs [0, -10, -20].
        double z = 1 + Math.exp(-10) + Math.exp(-20);
        assertArrayEquals(new double[] {1 / z, Math.exp(-10) / z, Math.exp(-20) / z}, y.toDoubleArray(), 1e-7);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypeAndShape")
    void softmaxRowsMatchReference(DType dtype, int[] shape) {
        Random rng = new Random(Arrays.hashCode(shape) + 9);
        Tensor t = Reference.random(rng, dtype, -8, 8, shape);
        int n = shape[shape.length - 1];
        double[] x = t.toDoubleArray();
        double[] expected = new double[x.length];
        for (int start = 0; start < x.length; start += n) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, x[start + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(x[start + j] - max);
            }
            for (int j = 0; j < n; j++) {
                expected[start + j] = Math.exp(x[start + j] - max) / sum;
            }
        }
        Tensor y = t.softmax();
        Reference.assertClose(expected, shape, y, Reference.rtol(dtype) * 4, 1e-12, "softmax");
        Tensor out = Tensor.zeros(dtype, shape);
        assertSame(out, t.softmax(out));
        assertEquals(y, out, "softmax(out)");
        Tensor c = t.copy();
        assertSame(c, c.softmax(c));
        assertEquals(y, c, "softmax in place");
    }
}
