package dev.dlfs.examples.optim;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.examples.plot.LinePlot;
import dev.dlfs.examples.plot.PlotGrid;
import dev.dlfs.examples.plot.Series;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The book's optimizer comparison (ch06, {@code optimizer_compare_naive.py}): 30 steps of SGD, Momentum, AdaGrad
 * and Adam on {@code f(x, y) = x²/20 + y²} from {@code (-7, 2)}, with the book's learning rates.
 */
public final class OptimExample implements Example {
    /** Optimizer name in the registry, the book's label and learning rate. */
    record Contender(String name, String label, double lr) {
    }

    static final List<Contender> BOOK = List.of(
            new Contender("sgd", "SGD", 0.95),
            new Contender("momentum", "Momentum", 0.1),
            new Contender("adagrad", "AdaGrad", 1.5),
            new Contender("adam", "Adam", 0.3));
    static final int STEPS = 30;

    @Override
    public String name() {
        return "optim";
    }

    @Override
    public String description() {
        return "SGD, Momentum, AdaGrad and Adam on x²/20 + y² (ch06), trajectories plotted";
    }

    @Override
    public void run(ExampleContext c) throws IOException {
        c.println("== Optimizers on f(x, y) = x²/20 + y², 30 steps from (-7, 2) (ch06) ==");
        c.println("optimizer  lr     final (x, y)            f(x, y)");
        List<LinePlot> plots = new ArrayList<>();
        for (Contender k : BOOK) {
            double[][] path = trajectory(k);
            int last = STEPS - 1;
            double fx = f(path[0][last], path[1][last]);
            c.printf("%-9s  %-5s  (%9.5f, %9.5f)  %.6f%n", k.label(), k.lr(), path[0][last], path[1][last], fx);
            plots.add(plot(k.label(), path));
        }
        var file = c.file("optimizers.png");
        new PlotGrid(2, plots).writePng(file, 520, 400);
        c.println("SGD zig-zags along y; Momentum rolls like a ball; AdaGrad damps the steep y direction; Adam mixes both.");
        c.println("saved the four trajectories over the contours of f to " + file);
    }

    static double f(double x, double y) {
        return x * x / 20.0 + y * y;
    }

    /** The book's positions: the 30 points visited, recorded before each update, as {x[], y[]}. */
    static double[][] trajectory(Contender k) {
        Parameter px = Parameter.of("x", Tensor.full(DType.FLOAT64, -7.0, 1), false);
        Parameter py = Parameter.of("y", Tensor.full(DType.FLOAT64, 2.0, 1), false);
        Optimizer opt = OptimizerRegistry.create(k.name(), Options.of(Map.of("lr", k.lr())));
        double[][] path = new double[2][STEPS];
        for (int i = 0; i < STEPS; i++) {
            double x = px.value().getFlat(0);
            double y = py.value().getFlat(0);
            path[0][i] = x;
            path[1][i] = y;
            px.grad().setFlat(0, x / 10.0);
            py.grad().setFlat(0, 2.0 * y);
            opt.step(List.of(px, py));
        }
        return path;
    }

    private static LinePlot plot(String label, double[][] path) {
        LinePlot p = LinePlot.titled(label).xLabel("x").yLabel("y").xRange(-10, 10).yRange(-10, 10);
        Color contour = new Color(0xb0b0b0);
        for (double level : new double[] {0.5, 1, 2, 4, 7}) {
            // The contour f = level is the ellipse x = sqrt(20·level)·cos t, y = sqrt(level)·sin t.
            int n = 120;
            double[] xs = new double[n + 1];
            double[] ys = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                double t = 2 * Math.PI * i / n;
                xs[i] = Math.sqrt(20 * level) * Math.cos(t);
                ys[i] = Math.sqrt(level) * Math.sin(t);
            }
            p = p.add(new Series(null, xs, ys, contour, Series.Style.LINE));
        }
        p = p.add(new Series(label + " path", path[0], path[1], new Color(0xd62728), Series.Style.LINE_AND_MARKERS));
        return p.add(new Series("minimum (0, 0)", new double[] {0}, new double[] {0}, Color.BLACK,
                Series.Style.MARKERS));
    }
}
