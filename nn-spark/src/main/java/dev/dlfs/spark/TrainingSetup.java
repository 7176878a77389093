package dev.dlfs.spark;

import dev.dlfs.model.ShardPlan;
import java.io.Serializable;

/**
 * What every training task needs besides the weights: the network's configuration, how batches are drawn, and the
 * form of the targets (one-hot rows or class indices, as the single-JVM data set holds them).
 *
 * @param yaml   the network's configuration
 * @param plan   the shards of every batch
 * @param oneHot targets as one-hot rows
 */
record TrainingSetup(String yaml, ShardPlan plan, boolean oneHot) implements Serializable {
}
