package dev.dlfs.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A column of class labels: whole numbers from 0 to {@code classes - 1}.
 *
 * @param name    the column's name
 * @param classes the number of classes the network scores
 */
record LabelColumn(String name, int classes) implements Serializable {
    static LabelColumn of(StructType schema, String name, int classes) {
        DataType type = FeatureColumn.field(schema, name, "labels").dataType();
        if (!(type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
                || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType))) {
            throw new IllegalArgumentException("column '" + name + "' is " + type.simpleString() + "; the labels must"
                    + " be whole numbers (int, long, short or byte) from 0 to " + (classes - 1));
        }
        return new LabelColumn(name, classes);
    }

    int label(Row row, int field, String where) {
        if (row.isNullAt(field)) {
            throw new IllegalArgumentException(where + ": column '" + name + "' is null");
        }
        long v = ((Number) row.get(field)).longValue();
        if (v < 0 || v >= classes) {
            throw new IllegalArgumentException(where + ": column '" + name + "' holds class " + v + "; the network"
                    + " scores " + classes + " classes (0 to " + (classes - 1) + ")");
        }
        return (int) v;
    }
}
