package dev.dlfs.spark;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tensors in a form Spark ships between driver and executors: shapes and values as doubles, which hold every
 * float32 value exactly, so a round trip gives back the same bits for either element type.
 *
 * @param names  the tensors' names, in order
 * @param shapes their shapes
 * @param values their elements, row-major
 */
record TensorValues(List<String> names, List<int[]> shapes, List<double[]> values) implements Serializable {
    TensorValues {
        names = List.copyOf(names);
        shapes = List.copyOf(shapes);
        values = List.copyOf(values);
    }

    static TensorValues of(Map<String, Tensor> tensors) {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        tensors.forEach((k, v) -> {
            names.add(k);
            shapes.add(v.shape());
            values.add(v.toDoubleArray());
        });
        return new TensorValues(names, shapes, values);
    }

    /** The values of the network's parameters, in parameter order. */
    static TensorValues ofParameters(List<Parameter> parameters) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        parameters.forEach(p -> m.put(p.name(), p.value()));
        return of(m);
    }

    /** The tensors, of element type {@code dtype}, by name in order. */
    Map<String, Tensor> toMap(DType dtype) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), tensor(i, dtype));
        }
        return m;
    }

    /** The {@code i}-th tensor as a new tensor of {@code dtype}. */
    Tensor tensor(int i, DType dtype) {
        return Tensor.of(values.get(i), shapes.get(i)).to(dtype);
    }

    /** Copies these values into the parameters, which must be the same in number, name and size. */
    void writeInto(List<Parameter> parameters) {
        if (parameters.size() != names.size()) {
            throw new IllegalArgumentException("parameters " + names + " do not fit a network with "
                    + parameters.size());
        }
        for (int i = 0; i < names.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.name().equals(names.get(i)) || p.value().size() != values.get(i).length) {
                throw new IllegalArgumentException("parameter " + i + " is " + p.name() + " " + p.value().describe()
                        + " but the values are of " + names.get(i) + " with " + values.get(i).length + " elements");
            }
            p.value().copyFrom(tensor(i, p.value().dtype()).reshape(p.value().shape()));
        }
    }

    /** The element-wise mean of {@code all} (same names and shapes), summed in list order. */
    static TensorValues mean(List<TensorValues> all) {
        TensorValues first = all.getFirst();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < first.names().size(); i++) {
            double[] sum = first.values().get(i).clone();
            for (int k = 1; k < all.size(); k++) {
                double[] v = all.get(k).values().get(i);
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += v[j];
                }
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= all.size();
            }
            out.add(sum);
        }
        return new TensorValues(first.names(), first.shapes(), out);
    }
}
