package dev.dlfs.examples.data;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.examples.plot.GrayImage;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;

/** MNIST as the book loads it (ch03): shapes, the first training digit as text and PNG, and label counts. */
public final class DataExample implements Example {
    @Override
    public String name() {
        return "data";
    }

    @Override
    public String description() {
        return "load MNIST (ch03): shapes, the first digit as text and PNG, label counts";
    }

    @Override
    public void run(ExampleContext c) throws IOException {
        DataSplit mnist = DataSourceRegistry.create("mnist", Options.empty());
        Dataset train = mnist.train();
        Dataset test = mnist.test();
        c.println("== MNIST (ch03) ==");
        c.println("x_train " + train.x().describe() + "   t_train " + train.t().describe());
        c.println("x_test  " + test.x().describe() + "   t_test  " + test.t().describe());
        c.println("(the book: (60000, 784) (60000,) (10000, 784) (10000,))");
        c.println("");

        Tensor first = train.x().row(0);
        double[] pixels = first.toDoubleArray();
        int label = labelOf(train, 0);
        c.println("The first training image; its label is " + label + " (the book: 5):");
        c.print(GrayImage.toText(pixels, 28, 28));
        var file = c.file("mnist-first-digit.png");
        GrayImage.writePng(pixels, 28, 28, 10, file);
        c.println("saved it as " + file);
        c.println("");

        c.println("Label counts (train / test):");
        int[] trainCounts = counts(train);
        int[] testCounts = counts(test);
        for (int k = 0; k < trainCounts.length; k++) {
            c.printf("  %d  %5d  %5d%n", k, trainCounts[k], testCounts[k]);
        }
        c.printf("  =  %5d  %5d%n", train.size(), test.size());
    }

    /** The class of sample {@code i}, whether targets are indices or one-hot rows. */
    static int labelOf(Dataset d, int i) {
        return d.oneHot() ? d.t().row(i).argmaxAll() : (int) d.t().getFlat(i);
    }

    static int[] counts(Dataset d) {
        int[] out = new int[Math.max(d.classes(), 1)];
        for (int i = 0; i < d.size(); i++) {
            out[labelOf(d, i)]++;
        }
        return out;
    }
}
