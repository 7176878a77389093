package com.example.dlfs.plugin;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms"): every step has the same size, only its
 * sign comes from the gradient. Per parameter:
 * <pre>
 *   c = β1·m + (1 − β1)·g
 *   w ← w − lr·(sign(c) + λ·w)        (λ: decoupled weight decay, weights only)
 *   m ← β2·m + (1 − β2)·g
 * </pre>
 * Because the step is ±lr, Lion wants a learning rate 3-10× smaller than Adam's.
 */
final class Lion implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final Map<String, Tensor> momentum = new HashMap<>();
    private final Map<String, Tensor[]> scratch = new HashMap<>();

    Lion(double lr, double beta1, double beta2, double weightDecay) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            Tensor w = p.value();
            Tensor g = p.grad();
            Tensor m = momentum.computeIfAbsent(p.name(), k -> Tensor.zerosLike(w));
            Tensor[] buf = scratch.computeIfAbsent(p.name(), k -> new Tensor[] {
                Tensor.zerosLike(w), Tensor.zerosLike(w), Tensor.zerosLike(w)});
            Tensor c = buf[0].copyFrom(m).mulInPlace(beta1).addScaledInPlace(1 - beta1, g);
            Tensor sign = c.gt(0.0, buf[1]).subInPlace(c.lt(0.0, buf[2]));
            if (p.regularized() && weightDecay > 0) {
                w.mulInPlace(1 - lr * weightDecay);
            }
            w.addScaledInPlace(-lr, sign);
            m.mulInPlace(beta2).addScaledInPlace(1 - beta2, g);
        }
    }

    /**
     * The decoupled decay {@code −lr·λ·w} is a gradient step on {@code λ/2·ΣW²}, so that is the penalty a trainer
     * adds to the loss it reports.
     */
    @Override
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public OptionalDouble learningRate() {
        return OptionalDouble.of(lr);
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        momentum.forEach((name, m) -> out.put(name + ".m", m));
        return out;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        momentum.clear();
        state.forEach((key, value) -> {
            if (!key.endsWith(".m")) {
                throw new IllegalArgumentException("lion: unexpected state entry '" + key
                        + "'; Lion keeps only '<parameter>.m'");
            }
            momentum.put(key.substring(0, key.length() - 2), value.copy());
        });
    }
}
