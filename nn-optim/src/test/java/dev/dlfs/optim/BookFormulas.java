package dev.dlfs.optim;

/**
 * The book's optimizer formulas as plain float64 scalar loops, written independently of the vectorised kernels:
 * the reference the tests compare against. One instance follows one optimizer over several steps.
 */
final class BookFormulas {
    private final String name;
    private final double lr;
    private final double momentum;
    private final double decayRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private double[] v;
    private double[] h;
    private double[] m;
    private int iter;

    BookFormulas(String name, double lr, double momentum, double decayRate, double beta1, double beta2,
                 double weightDecay) {
        this.name = name;
        this.lr = lr;
        this.momentum = momentum;
        this.decayRate = decayRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    /** With the book's default hyperparameters except {@code lr}. */
    static BookFormulas withDefaults(String name, double lr, double weightDecay) {
        return new BookFormulas(name, lr, 0.9, 0.99, 0.9, 0.999, weightDecay);
    }

    /** One update of {@code w} in place from gradient {@code grad} (weight decay applied if {@code regularized}). */
    void step(double[] w, double[] grad, boolean regularized) {
        int n = w.length;
        if (v == null) {
            v = new double[n];
            h = new double[n];
            m = new double[n];
        }
        iter++;
        double lrT = lr * Math.sqrt(1.0 - Math.pow(beta2, iter)) / (1.0 - Math.pow(beta1, iter));
        for (int i = 0; i < n; i++) {
            double g = grad[i] + (regularized ? weightDecay * w[i] : 0.0);
            switch (name) {
                case "sgd" -> w[i] -= lr * g;
                case "momentum" -> {
                    v[i] = momentum * v[i] - lr * g;
                    w[i] += v[i];
                }
                case "nesterov" -> {
                    v[i] *= momentum;
                    v[i] -= lr * g;
                    w[i] += momentum * momentum * v[i];
                    w[i] -= (1 + momentum) * lr * g;
                }
                case "adagrad" -> {
                    h[i] += g * g;
                    w[i] -= lr * g / (Math.sqrt(h[i]) + 1e-7);
                }
                case "rmsprop" -> {
                    h[i] *= decayRate;
                    h[i] += (1 - decayRate) * g * g;
                    w[i] -= lr * g / (Math.sqrt(h[i]) + 1e-7);
                }
                case "adam" -> {
                    m[i] += (1 - beta1) * (g - m[i]);
                    h[i] += (1 - beta2) * (g * g - h[i]);
                    w[i] -= lrT * m[i] / (Math.sqrt(h[i]) + 1e-7);
                }
                default -> throw new IllegalArgumentException(name);
            }
        }
    }
}
