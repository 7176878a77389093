package dev.dlfs.examples.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The example's trajectories against the book's optimizer classes written out here in plain float64 loops. */
class OptimExampleTest {
    @Test
    void trajectoriesFollowTheBooksUpdateRules() {
        for (OptimExample.Contender k : OptimExample.BOOK) {
            double[][] path = OptimExample.trajectory(k);
            double[][] expected = bookTrajectory(k.name(), k.lr());
            for (int i = 0; i < OptimExample.STEPS; i++) {
                assertEquals(expected[0][i], path[0][i], 1e-9, k.label() + " x at step " + i);
                assertEquals(expected[1][i], path[1][i], 1e-9, k.label() + " y at step " + i);
            }
        }
    }

    @Test
    void everyOptimizerEndsCloserToTheMinimum() {
        double start = OptimExample.f(-7, 2);
        for (OptimExample.Contender k : OptimExample.BOOK) {
            double[][] path = OptimExample.trajectory(k);
            double end = OptimExample.f(path[0][OptimExample.STEPS - 1], path[1][OptimExample.STEPS - 1]);
            assertTrue(end < start / 20, k.label() + " ended at f = " + end);
        }
    }

    /** optimizer_compare_naive.py with the book's common/optimizer.py classes. */
    private static double[][] bookTrajectory(String name, double lr) {
        double[] p = {-7.0, 2.0};
        double[] v = new double[2];
        double[] h = new double[2];
        double[] m = new double[2];
        double[][] path = new double[2][OptimExample.STEPS];
        for (int it = 0; it < OptimExample.STEPS; it++) {
            path[0][it] = p[0];
            path[1][it] = p[1];
            double[] g = {p[0] / 10.0, 2.0 * p[1]};
            for (int i = 0; i < 2; i++) {
                switch (name) {
                    case "sgd" -> p[i] -= lr * g[i];
                    case "momentum" -> {
                        v[i] = 0.9 * v[i] - lr * g[i];
                        p[i] += v[i];
                    }
                    case "adagrad" -> {
                        h[i] += g[i] * g[i];
                        p[i] -= lr * g[i] / (Math.sqrt(h[i]) + 1e-7);
                    }
                    case "adam" -> {
                        int t = it + 1;
                        double lrT = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                        m[i] += (1 - 0.9) * (g[i] - m[i]);
                        v[i] += (1 - 0.999) * (g[i] * g[i] - v[i]);
                        p[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-7);
                    }
                    default -> throw new AssertionError(name);
                }
            }
        }
        return path;
    }
}
