package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatSum;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A convolution's bias gradient sums each plane in {@link FloatSum}'s or {@link DoubleSum}'s fixed order and adds
 * the planes in float64 in batch order, so it has the same bits at every vector width. Planes straddle the widths.
 */
class ChannelSumsTest {
    @Test
    void eachPlaneIsSummedInTheFixedOrder() {
        for (int plane : new int[] {1, 9, 16, 17, 49, 100, 576}) {
            int blocks = 3;
            int channels = 4;
            SplittableRandom rng = new SplittableRandom(plane);
            double[] x = new double[blocks * channels * plane];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(-10, 10));
            }
            Tensor d = Tensor.of(x, blocks, channels, plane);
            Tensor f = d.to(DType.FLOAT32);
            Tensor outD = Tensor.zeros(DType.FLOAT64, channels);
            Tensor outF = Tensor.zeros(DType.FLOAT32, channels);
            ConvolutionKernels.channelSums(d, outD);
            ConvolutionKernels.channelSums(f, outF);
            for (int c = 0; c < channels; c++) {
                double wantD = 0;
                double wantF = 0;
                for (int b = 0; b < blocks; b++) {
                    wantD += DoubleSum.of(d.doubleArray(), (b * channels + c) * plane, plane);
                    wantF += FloatSum.of(f.floatArray(), (b * channels + c) * plane, plane);
                }
                assertEquals(Double.doubleToRawLongBits(wantD), Double.doubleToRawLongBits(outD.getFlat(c)),
                        "float64, plane " + plane + ", channel " + c);
                assertEquals(Float.floatToRawIntBits((float) wantF), Float.floatToRawIntBits((float) outF.getFlat(c)),
                        "float32, plane " + plane + ", channel " + c);
            }
        }
    }
}
