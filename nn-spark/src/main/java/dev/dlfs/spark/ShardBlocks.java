package dev.dlfs.spark;

import dev.dlfs.model.Network;
import dev.dlfs.model.ShardPlan;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Cuts a DataFrame of samples and labels into the data shards of a {@link ShardPlan}, by row order (the order in
 * which Spark reads the DataFrame, which for a file is the file's), and keeps them in executor memory: shard
 * {@code s} lives in partition {@code s % partitions}, so every task finds the rows it draws from where it runs.
 */
final class ShardBlocks {
    private ShardBlocks() {
    }

    /** The cached blocks of {@code data} for {@code plan}, checked against {@code network}'s input and classes. */
    static JavaRDD<ShardBlock> of(Dataset<Row> data, Columns columns, Network network, ShardPlan plan,
                                  int partitions, String what) {
        int[] shape = network.inputShape();
        FeatureColumn features = FeatureColumn.of(data.schema(), columns.features(), Shapes.size(shape));
        LabelColumn labels = LabelColumn.of(data.schema(), columns.label(), ShardBlock.classes(network));
        DType dtype = network.dtype();
        JavaRDD<ShardBlock> blocks = data.select(columns.features(), columns.label()).javaRDD().zipWithIndex()
                .mapToPair(rowAt -> new Tuple2<>(plan.shardOf(Math.toIntExact(rowAt._2())), rowAt))
                .groupByKey(new HashPartitioner(partitions))
                .map(shard -> block(shard._1(), shard._2(), plan, shape, dtype, features, labels, what))
                .persist(StorageLevel.MEMORY_ONLY());
        long rows = blocks.map(b -> (long) b.labels().length).reduce(Long::sum);
        if (rows != plan.trainSize()) {
            throw new IllegalStateException(what + ": read " + rows + " rows but counted " + plan.trainSize()
                    + " before: the DataFrame changed while it was read");
        }
        return blocks;
    }

    private static ShardBlock block(int shard, Iterable<Tuple2<Row, Long>> rows, ShardPlan plan, int[] shape,
                                    DType dtype, FeatureColumn features, LabelColumn labels, String what) {
        List<Tuple2<Row, Long>> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Tuple2::_2));
        int n = sorted.size();
        int first = plan.firstRow(shard);
        if (n != plan.rows(shard) || (n > 0 && sorted.getFirst()._2() != first)) {
            throw new IllegalStateException(what + ": shard " + shard + " should hold rows " + first + " to "
                    + (first + plan.rows(shard) - 1) + " but got " + n + " rows");
        }
        int[] perSample = shape.clone();
        int[] all = new int[shape.length + 1];
        all[0] = n;
        System.arraycopy(shape, 0, all, 1, shape.length);
        Tensor x = Tensor.zeros(dtype, all).reshape(n, Shapes.size(shape));
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            String where = what + " row " + (first + i);
            features.copy(sorted.get(i)._1(), 0, x, i, where);
            classes[i] = labels.label(sorted.get(i)._1(), 1, where);
        }
        Object samples = dtype == DType.FLOAT32 ? x.floatArray() : x.doubleArray();
        return new ShardBlock(shard, first, perSample, samples, classes);
    }
}
