package dev.dlfs.examples.layers;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.examples.NumpyStyle;
import dev.dlfs.examples.plot.LinePlot;
import dev.dlfs.examples.plot.PlotGrid;
import dev.dlfs.examples.plot.Series;
import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Perceptron gates (ch02), the 3-layer forward pass with the book's weights (ch03), and activation plots. */
public final class LayersExample implements Example {
    @Override
    public String name() {
        return "layers";
    }

    @Override
    public String description() {
        return "perceptron gates AND/NAND/OR/XOR (ch02); the 3-layer forward pass (ch03); activation plots";
    }

    @Override
    public void run(ExampleContext c) throws IOException {
        c.println("== Perceptron gates (ch02) ==");
        c.println("x1 x2 | AND NAND OR XOR");
        for (int[] x : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            c.printf(" %d  %d |  %d   %d    %d   %d%n", x[0], x[1], Perceptron.AND.fire(x[0], x[1]),
                    Perceptron.NAND.fire(x[0], x[1]), Perceptron.OR.fire(x[0], x[1]), Perceptron.xor(x[0], x[1]));
        }
        c.println("");

        c.println("== A 3-layer network with the book's weights (ch03, forward only) ==");
        Tensor y = threeLayerForward();
        c.println("y = " + NumpyStyle.array(y.row(0)) + "   (the book: [0.31682708 0.69627909])");
        c.println("");

        c.println("== Activation functions ==");
        Tensor x = Tensor.of(new double[] {-1.0, 1.0, 2.0}, 1, 3);
        c.println("x            = " + NumpyStyle.array(x.row(0)));
        c.println("sigmoid(x)   = " + NumpyStyle.array(activation("sigmoid", x).row(0))
                + "   (the book: [0.26894142 0.73105858 0.88079708])");
        c.println("relu(x)      = " + NumpyStyle.array(activation("relu", x).row(0)));
        c.println("step(x)      = " + NumpyStyle.array(x.gt(0).row(0)));
        plotActivations(c);
    }

    /** The book's {@code init_network()} and {@code forward()}: sigmoid, sigmoid, identity. */
    static Tensor threeLayerForward() {
        Layer a1 = affine(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}, new double[] {0.1, 0.2, 0.3});
        Layer a2 = affine(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}, new double[] {0.1, 0.2});
        Layer a3 = affine(new double[][] {{0.1, 0.3}, {0.2, 0.4}}, new double[] {0.1, 0.2});
        Layer sigmoid = layer("sigmoid", 3);
        Layer sigmoid2 = layer("sigmoid", 2);
        Tensor x = Tensor.of(new double[] {1.0, 0.5}, 1, 2);
        Tensor z1 = sigmoid.forward(a1.forward(x, false), false).copy();
        Tensor z2 = sigmoid2.forward(a2.forward(z1, false), false).copy();
        return a3.forward(z2, false).copy();
    }

    /** An affine layer from the registry whose W and b are set to the given values. */
    private static Layer affine(double[][] w, double[] b) {
        Layer layer = LayerRegistry.create(LayerSpec.of("affine", Map.of("units", w[0].length)),
                new LayerContext(new int[] {w.length}, DType.FLOAT64, new SplittableRandom(0)));
        for (Parameter p : layer.parameters()) {
            switch (p.name()) {
                case "W" -> p.value().copyFrom(Tensor.of(w));
                case "b" -> p.value().copyFrom(Tensor.of(b));
                default -> throw new IllegalStateException("affine has an unexpected parameter " + p.name());
            }
        }
        return layer;
    }

    private static Layer layer(String type, int width) {
        return LayerRegistry.create(LayerSpec.of(type),
                new LayerContext(new int[] {width}, DType.FLOAT64, new SplittableRandom(0)));
    }

    /** One activation layer from the registry applied to a (1, n) row. */
    static Tensor activation(String type, Tensor row) {
        return layer(type, row.dim(1)).forward(row, false).copy();
    }

    private static void plotActivations(ExampleContext c) throws IOException {
        Tensor x = Tensor.arange(DType.FLOAT64, -5.0, 5.0, 0.1);
        Tensor row = x.reshape(1, x.size());
        double[] xs = x.toDoubleArray();
        LinePlot step = LinePlot.titled("step function").xLabel("x").yLabel("y").yRange(-0.1, 1.1)
                .add(Series.line("step", xs, row.gt(0).toDoubleArray()));
        LinePlot sigmoid = LinePlot.titled("sigmoid").xLabel("x").yLabel("y").yRange(-0.1, 1.1)
                .add(Series.line("sigmoid", xs, activation("sigmoid", row).toDoubleArray()))
                .add(Series.line("step", xs, row.gt(0).toDoubleArray()).withStyle(Series.Style.DASHED));
        LinePlot relu = LinePlot.titled("ReLU").xLabel("x").yLabel("y").yRange(-1.0, 5.5)
                .add(Series.line("relu", xs, activation("relu", row).toDoubleArray()));
        LinePlot tanh = LinePlot.titled("tanh").xLabel("x").yLabel("y").yRange(-1.1, 1.1)
                .add(Series.line("tanh", xs, activation("tanh", row).toDoubleArray()));
        var file = c.file("activations.png");
        new PlotGrid(2, List.of(step, sigmoid, relu, tanh)).writePng(file, 480, 360);
        c.println("saved the step, sigmoid, ReLU and tanh curves to " + file);
    }
}
