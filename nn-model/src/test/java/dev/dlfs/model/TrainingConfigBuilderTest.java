package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TrainingConfigBuilderTest {
    @Test
    void anIterationRunDefaultsToTheBooksSettingsAndRandomBatches() {
        TrainingConfig t = TrainingConfig.builder().iterations(500).build();
        assertEquals(new TrainingConfig(500, 0, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.RANDOM,
                OptionalDouble.empty(), 0, 0, 4), t);
        assertEquals(t, TrainingConfig.iterations(500));
    }

    @Test
    void anEpochRunDefaultsToShuffledEpochs() {
        TrainingConfig t = TrainingConfig.builder().epochs(4).build();
        assertEquals(new TrainingConfig(0, 4, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.SHUFFLE,
                OptionalDouble.empty(), 0, 0, 4), t);
        assertEquals(t, TrainingConfig.epochs(4));
    }

    @Test
    void everyNamedSetterReachesItsField() {
        TrainingConfig t = TrainingConfig.builder().epochs(3).batchSize(32).seed(9).eval(EvalSchedule.every(50))
                .evalSample(1000).sampler(Sampling.RANDOM).targetAccuracy(0.97).threads(2).divergenceFactor(3)
                .build();
        assertEquals(new TrainingConfig(0, 3, 32, 9, EvalSchedule.every(50), 1000, Sampling.RANDOM,
                OptionalDouble.of(0.97), 2, 0, 3), t);
    }

    @Test
    void toBuilderKeepsEveryFieldAndTheChosenSampler() {
        TrainingConfig t = new TrainingConfig(200, 0, 20, 5, EvalSchedule.none(), 300, Sampling.SHUFFLE,
                OptionalDouble.of(0.9), 1, 0, 4);
        assertEquals(t, t.toBuilder().build());
        TrainingConfig longer = t.toBuilder().iterations(400).build();
        assertEquals(400, longer.iterations());
        assertEquals(Sampling.SHUFFLE, longer.sampler(), "a sampler the config holds is not re-derived");
        assertEquals(t.withSeed(6), t.toBuilder().seed(6).build());
    }

    @Test
    void changingTheLengthKindKeepsTheRestOfTheRun() {
        TrainingConfig t = TrainingConfig.iterations(1000).withBatchSize(50).withSeed(3);
        TrainingConfig e = t.withEpochs(2);
        assertEquals(new TrainingConfig(0, 2, 50, 3, EvalSchedule.perEpoch(), 0, Sampling.RANDOM,
                OptionalDouble.empty(), 0, 0, 4), e);
        assertEquals(t, e.withIterations(1000));
    }

    @Test
    void theBuilderFailsWithTheRecordsOwnMessages() {
        assertSameError(() -> TrainingConfig.builder().build(),
                () -> new TrainingConfig(0, 0, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.RANDOM,
                        OptionalDouble.empty(), 0, 0, 4),
                "training needs exactly one of iterations or epochs (> 0), found iterations 0, epochs 0");
        assertSameError(() -> TrainingConfig.builder().iterations(5).epochs(2).build(),
                () -> new TrainingConfig(5, 2, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.RANDOM,
                        OptionalDouble.empty(), 0, 0, 4),
                "found iterations 5, epochs 2");
        assertSameError(() -> TrainingConfig.builder().iterations(5).batchSize(0).build(),
                () -> new TrainingConfig(5, 0, 0, 0, EvalSchedule.perEpoch(), 0, Sampling.RANDOM,
                        OptionalDouble.empty(), 0, 0, 4),
                "batch size 0");
        assertSameError(() -> TrainingConfig.builder().iterations(5).sampler(null).build(),
                () -> new TrainingConfig(5, 0, 100, 0, EvalSchedule.perEpoch(), 0, null, OptionalDouble.empty(), 0, 0,
                        4),
                "eval, sampler and targetAccuracy must be given");
    }

    private static void assertSameError(Executable viaBuilder, Executable viaRecord, String part) {
        String built = assertThrows(IllegalArgumentException.class, viaBuilder).getMessage();
        String direct = assertThrows(IllegalArgumentException.class, viaRecord).getMessage();
        assertEquals(direct, built);
        assertTrue(built.contains(part), built);
    }
}
