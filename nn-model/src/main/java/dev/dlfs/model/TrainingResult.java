package dev.dlfs.model;

import java.time.Duration;

/**
 * How a training run ended.
 *
 * @param history    losses and evaluations
 * @param iterations updates made
 * @param stop       why the run ended
 * @param elapsed    wall time of the run (without loading data)
 */
public record TrainingResult(History history, int iterations, Stop stop, Duration elapsed) {
    /** Why a run ended. */
    public enum Stop {
        /** All configured iterations were made. */
        COMPLETED,
        /** An evaluation reached the configured target accuracy. */
        TARGET_REACHED,
        /**
         * {@link Trainer#requestStop()} was called (the command line does on Ctrl-C or SIGTERM): the run ended after
         * the iteration in progress, without a final evaluation.
         */
        STOPPED
    }

    /** Test accuracy of the final evaluation. */
    public double testAccuracy() {
        return history.lastEvaluation().testAccuracy();
    }

    /** Training accuracy of the final evaluation. */
    public double trainAccuracy() {
        return history.lastEvaluation().trainAccuracy();
    }
}
