package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shipped DeepConvNet is the book's ch08 network exactly: checked against a plain-loop float64 forward pass
 * written from the book's description (paddings 1, 1, 1, 2, 1, 1; max-pools after convolutions 2, 4, 6; affine
 * 1024-50 and 50-10; the book's Dropout multiplying by 0.5 at inference).
 */
class DeepConvNetTest {
    private static final int[] PADS = {1, 1, 1, 2, 1, 1};

    @Test
    void theShippedConfigurationIsTheBooksNetwork() throws IOException {
        NetworkConfig c = Examples.config("deep-convnet.yaml").withDtype(DType.FLOAT64).withSeed(5);
        Network net = Network.of(c);
        assertArrayEquals(new int[] {32, 16, 16}, net.layers().get(7).outputShape(), "the fourth conv pads by 2");
        assertArrayEquals(new int[] {64, 4, 4}, net.layers().get(14).outputShape());
        Tensor x = Tensor.rand(new SplittableRandom(9), DType.FLOAT64, 0, 1, 2, 1, 28, 28);
        Tensor y = net.predict(x);
        for (int n = 0; n < 2; n++) {
            double[] ref = reference(net, x, n);
            for (int k = 0; k < 10; k++) {
                assertEquals(ref[k], y.get(n, k), 1e-9 * Math.max(1, Math.abs(ref[k])), "image " + n + " class " + k);
            }
        }
    }

    private static double[] reference(Network net, Tensor x, int n) {
        double[][][] h = new double[1][28][28];
        for (int i = 0; i < 28; i++) {
            for (int j = 0; j < 28; j++) {
                h[0][i][j] = x.get(n, 0, i, j);
            }
        }
        for (int k = 0; k < 6; k++) {
            h = relu(conv(h, net.parameter("W" + (k + 1)).value(), net.parameter("b" + (k + 1)).value(), PADS[k]));
            if (k % 2 == 1) {
                h = maxPool(h);
            }
        }
        double[] flat = new double[h.length * h[0].length * h[0][0].length];
        int p = 0;
        for (double[][] channel : h) {
            for (double[] row : channel) {
                for (double v : row) {
                    flat[p++] = v;
                }
            }
        }
        double[] hidden = affine(flat, net.parameter("W7").value(), net.parameter("b7").value());
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = 0.5 * Math.max(0, hidden[i]);
        }
        double[] out = affine(hidden, net.parameter("W8").value(), net.parameter("b8").value());
        for (int i = 0; i < out.length; i++) {
            out[i] *= 0.5;
        }
        return out;
    }

    private static double[][][] conv(double[][][] x, Tensor w, Tensor b, int pad) {
        int filters = w.dim(0);
        int channels = x.length;
        int size = x[0].length;
        int out = size + 2 * pad - 3 + 1;
        double[][][] y = new double[filters][out][out];
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < out; j++) {
                    double s = b.get(f);
                    for (int c = 0; c < channels; c++) {
                        for (int u = 0; u < 3; u++) {
                            for (int v = 0; v < 3; v++) {
                                int r = i + u - pad;
                                int q = j + v - pad;
                                if (r >= 0 && r < size && q >= 0 && q < size) {
                                    s += x[c][r][q] * w.get(f, c, u, v);
                                }
                            }
                        }
                    }
                    y[f][i][j] = s;
                }
            }
        }
        return y;
    }

    private static double[][][] relu(double[][][] x) {
        for (double[][] channel : x) {
            for (double[] row : channel) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.max(0, row[j]);
                }
            }
        }
        return x;
    }

    private static double[][][] maxPool(double[][][] x) {
        int half = x[0].length / 2;
        double[][][] y = new double[x.length][half][half];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < half; i++) {
                for (int j = 0; j < half; j++) {
                    y[c][i][j] = Math.max(Math.max(x[c][2 * i][2 * j], x[c][2 * i][2 * j + 1]),
                            Math.max(x[c][2 * i + 1][2 * j], x[c][2 * i + 1][2 * j + 1]));
                }
            }
        }
        return y;
    }

    private static double[] affine(double[] x, Tensor w, Tensor b) {
        double[] y = new double[w.dim(1)];
        for (int j = 0; j < y.length; j++) {
            double s = b.get(j);
            for (int i = 0; i < x.length; i++) {
                s += x[i] * w.get(i, j);
            }
            y[j] = s;
        }
        return y;
    }
}
