package dev.dlfs.model;

import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.Shapes;

/** Checks that a data set fits a network before training starts, with a message that says what to change. */
final class DataFit {
    private DataFit() {
    }

    static void check(Network net, Dataset d, String what) {
        int in = Shapes.size(net.inputShape());
        int perSample = d.size() == 0 ? in : d.x().size() / d.size();
        if (perSample != in) {
            throw new IllegalArgumentException(what + " " + d.name() + ": samples " + d.x().describe() + " have "
                    + perSample + " values each, the network's input " + Shapes.format(net.inputShape()) + " takes "
                    + in);
        }
        if (d.x().dtype() != net.dtype() || d.t().dtype() != net.dtype()) {
            throw new IllegalArgumentException(what + " " + d.name() + ": data is " + d.x().dtype() + ", the network "
                    + net.dtype() + " (set the data option dtype: " + net.dtype() + ")");
        }
        int outputs = Shapes.size(net.outputShape());
        if (d.classes() > 0 && d.classes() != outputs) {
            throw new IllegalArgumentException(what + " " + d.name() + " has " + d.classes() + " classes, the network"
                    + " gives " + outputs + " scores per sample");
        }
        if (d.t().rank() == 2 && d.t().dim(1) != outputs && d.t().dim(1) != 1) {
            throw new IllegalArgumentException(what + " " + d.name() + ": targets " + d.t().describe()
                    + " do not fit the network's " + outputs + " outputs");
        }
    }
}
