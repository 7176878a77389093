package dev.dlfs.model;

import java.util.Arrays;
import java.util.List;

/**
 * The record of a training run: the mini-batch loss of every iteration (the book's {@code train_loss_list}) and the
 * evaluations ({@code train_acc_list}, {@code test_acc_list}).
 *
 * @param losses      loss per iteration, in order
 * @param evaluations accuracies in the order they were measured
 */
public record History(double[] losses, List<Evaluation> evaluations) {
    public History {
        losses = losses.clone();
        evaluations = List.copyOf(evaluations);
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The loss of 0-based {@code iteration}. */
    public double loss(int iteration) {
        return losses[iteration];
    }

    /** The number of iterations recorded. */
    public int iterations() {
        return losses.length;
    }

    /** The last evaluation (the final one, after the last update). */
    public Evaluation lastEvaluation() {
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("the run made no evaluation");
        }
        return evaluations.getLast();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && Arrays.equals(losses, h.losses) && evaluations.equals(h.evaluations);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(losses) + evaluations.hashCode();
    }

    @Override
    public String toString() {
        return "History[" + losses.length + " iterations, " + evaluations.size() + " evaluations]";
    }
}
