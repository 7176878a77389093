package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The book's comparison of optimizers (section 6.1.7): minimise f(x, y) = x²/20 + y² from (−7, 2) for 30 steps
 * with SGD lr 0.95, Momentum lr 0.1, AdaGrad lr 1.5 and Adam lr 0.3, and check each path against an independent
 * float64 loop and against what the book's figures show.
 */
class BookComparisonTest {
    static final int STEPS = 30;

    /** The path (x, y) of each of the 30 steps plus the start, followed by the optimizer under test. */
    static double[][] path(String name, double lr) {
        Parameter x = Parameter.of("x", Tensor.of(new double[] {-7.0}), false);
        Parameter y = Parameter.of("y", Tensor.of(new double[] {2.0}), false);
        Optimizer optimizer = OptimizerRegistry.create(name, Options.of(Map.of("lr", lr)));
        double[][] out = new double[STEPS + 1][];
        out[0] = new double[] {-7.0, 2.0};
        for (int s = 1; s <= STEPS; s++) {
            x.grad().setFlat(0, x.value().item() / 10);  // ∂f/∂x = x/10
            y.grad().setFlat(0, 2 * y.value().item());   // ∂f/∂y = 2y
            optimizer.step(List.of(x, y));
            out[s] = new double[] {x.value().item(), y.value().item()};
        }
        return out;
    }

    /** The same path with the book's formulas in a float64 scalar loop. */
    static double[][] bookPath(String name, double lr) {
        BookFormulas book = BookFormulas.withDefaults(name, lr, 0.0);
        double[] xy = {-7.0, 2.0};
        double[][] out = new double[STEPS + 1][];
        out[0] = xy.clone();
        for (int s = 1; s <= STEPS; s++) {
            book.step(xy, new double[] {xy[0] / 10, 2 * xy[1]}, false);
            out[s] = xy.clone();
        }
        return out;
    }

    static double[][] checkedPath(String name, double lr) {
        double[][] actual = path(name, lr);
        double[][] expected = bookPath(name, lr);
        for (int s = 0; s <= STEPS; s++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(expected[s][k], actual[s][k], 1e-12 * Math.max(1, Math.abs(expected[s][k])),
                        name + " step " + s + (k == 0 ? " x" : " y"));
            }
        }
        double startDistance = Math.hypot(-7, 2);
        assertTrue(distance(actual[STEPS]) < startDistance / 7, name + " did not approach the minimum");
        return actual;
    }

    static double distance(double[] xy) {
        return Math.hypot(xy[0], xy[1]);
    }

    static int ySignChanges(double[][] path) {
        int changes = 0;
        for (int s = 1; s < path.length; s++) {
            if (path[s - 1][1] * path[s][1] < 0) {
                changes++;
            }
        }
        return changes;
    }

    static boolean xNeverDecreases(double[][] path) {
        for (int s = 1; s < path.length; s++) {
            if (path[s][0] < path[s - 1][0]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sgdZigzagsInY() {
        double[][] p = checkedPath("sgd", 0.95);
        // y ← y − 0.95·2y = −0.9y: the sign flips at every step, the book's zigzag.
        assertEquals(STEPS, ySignChanges(p));
        // Along the flat x axis SGD crawls: it moves right every step but is still left of the minimum.
        assertTrue(xNeverDecreases(p));
        assertTrue(p[STEPS][0] < -0.2, "SGD x " + p[STEPS][0]);
        assertTrue(distance(p[STEPS]) < 0.5);
    }

    @Test
    void momentumRollsPastTheMinimumLikeABall() {
        double[][] p = checkedPath("momentum", 0.1);
        assertTrue(ySignChanges(p) >= 2, "momentum swings across the x axis");
        assertTrue(ySignChanges(p) < STEPS / 2, "momentum zigzags less than SGD");
        assertTrue(p[STEPS][0] > 0, "momentum overshoots x = 0");
        double closest = Double.MAX_VALUE;
        for (double[] xy : p) {
            closest = Math.min(closest, distance(xy));
        }
        assertTrue(closest < 0.2, "momentum passes near the minimum, closest " + closest);
        assertTrue(distance(p[STEPS]) < 1.0);
    }

    @Test
    void adaGradDampsTheYOscillationAtOnce() {
        double[][] p = checkedPath("adagrad", 1.5);
        assertEquals(0, ySignChanges(p));
        assertTrue(Math.abs(p[STEPS][1]) < 1e-9, "AdaGrad y " + p[STEPS][1]);
        assertTrue(xNeverDecreases(p));
        assertTrue(distance(p[STEPS]) < 0.2);
    }

    @Test
    void adamRollsLikeABallInABowl() {
        double[][] p = checkedPath("adam", 0.3);
        assertTrue(ySignChanges(p) >= 1 && ySignChanges(p) < STEPS / 2, "Adam swings in y, gently");
        assertTrue(xNeverDecreases(p));
        assertTrue(distance(p[STEPS]) < 0.5, "Adam ends at " + distance(p[STEPS]));
    }
}
