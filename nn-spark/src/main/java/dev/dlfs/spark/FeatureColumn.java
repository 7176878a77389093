package dev.dlfs.spark;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A column of samples: each row one sample's values, flattened row-major, as {@code array<float>},
 * {@code array<double>} or a Spark ML vector, checked against the network's per-sample size.
 *
 * @param name   the column's name
 * @param vector whether it holds ML vectors (else arrays)
 * @param size   values per sample the network takes
 */
record FeatureColumn(String name, boolean vector, int size) implements Serializable {
    /** The column {@code name} of {@code schema}, or an error naming it, its type and the columns there are. */
    static FeatureColumn of(StructType schema, String name, int size) {
        DataType type = field(schema, name, "samples").dataType();
        if (type instanceof VectorUDT) {
            return new FeatureColumn(name, true, size);
        }
        if (type instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
                || a.elementType().equals(DataTypes.DoubleType))) {
            return new FeatureColumn(name, false, size);
        }
        throw new IllegalArgumentException("column '" + name + "' is " + type.simpleString() + "; the samples must be"
                + " array<float>, array<double> or an ML vector of " + size + " values per row");
    }

    /** The field {@code name} of {@code schema} holding {@code what}, or an error listing the columns. */
    static StructField field(StructType schema, String name, String what) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' for the " + what + "; the columns are "
                + List.of(schema.fieldNames()));
    }

    /** Copies the sample in field {@code field} of {@code row} into row {@code at} of {@code into}. */
    void copy(Row row, int field, Tensor into, int at, String where) {
        if (row.isNullAt(field)) {
            throw new IllegalArgumentException(where + ": column '" + name + "' is null");
        }
        int n;
        int base = into.offset() + at * size;
        if (vector) {
            double[] v = ((Vector) row.get(field)).toArray();
            n = check(v.length, where);
            for (int i = 0; i < n; i++) {
                put(into, base + i, v[i]);
            }
        } else {
            List<Object> v = row.getList(field);
            n = check(v.size(), where);
            for (int i = 0; i < n; i++) {
                Object e = v.get(i);
                if (e == null) {
                    throw new IllegalArgumentException(where + ": column '" + name + "' has a null at " + i);
                }
                put(into, base + i, ((Number) e).doubleValue());
            }
        }
    }

    private int check(int n, String where) {
        if (n != size) {
            throw new IllegalArgumentException(where + ": column '" + name + "' holds " + n + " values; the network"
                    + " takes " + size + " per sample");
        }
        return n;
    }

    private static void put(Tensor t, int flat, double v) {
        if (t.dtype() == DType.FLOAT32) {
            t.floatArray()[flat] = (float) v;
        } else {
            t.doubleArray()[flat] = v;
        }
    }
}
