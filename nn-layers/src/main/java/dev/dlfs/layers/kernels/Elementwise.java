package dev.dlfs.layers.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Products the layers need in their hot paths: {@code out = a ⊙ b} and {@code out = s·a}. */
public final class Elementwise {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private Elementwise() {
    }

    /** {@code out = a ⊙ b}; all three of one dtype and shape ({@code out} may be {@code a} or {@code b}). */
    public static Tensor multiply(Tensor a, Tensor b, Tensor out) {
        ActivationKernels.check("multiply", a, b);
        ActivationKernels.check("multiply", a, out);
        int n = a.size();
        int ao = a.offset();
        int bo = b.offset();
        int oo = out.offset();
        int i = 0;
        if (a.dtype() == DType.FLOAT32) {
            float[] x = a.floatArray();
            float[] y = b.floatArray();
            float[] z = out.floatArray();
            for (int end = F.loopBound(n); i < end; i += F.length()) {
                FloatVector.fromArray(F, x, ao + i).mul(FloatVector.fromArray(F, y, bo + i)).intoArray(z, oo + i);
            }
            for (; i < n; i++) {
                z[oo + i] = x[ao + i] * y[bo + i];
            }
        } else {
            double[] x = a.doubleArray();
            double[] y = b.doubleArray();
            double[] z = out.doubleArray();
            for (int end = D.loopBound(n); i < end; i += D.length()) {
                DoubleVector.fromArray(D, x, ao + i).mul(DoubleVector.fromArray(D, y, bo + i)).intoArray(z, oo + i);
            }
            for (; i < n; i++) {
                z[oo + i] = x[ao + i] * y[bo + i];
            }
        }
        return out;
    }

    /** {@code out = s·a}; one dtype and shape ({@code out} may be {@code a}). */
    public static Tensor scale(Tensor a, double s, Tensor out) {
        ActivationKernels.check("scale", a, out);
        if (a != out) {
            out.copyFrom(a);
        }
        if (a.dtype() == DType.FLOAT32) {
            FloatActivations.scale(out.floatArray(), out.offset(), (float) s, out.size());
        } else {
            DoubleActivations.scale(out.doubleArray(), out.offset(), s, out.size());
        }
        return out;
    }
}
