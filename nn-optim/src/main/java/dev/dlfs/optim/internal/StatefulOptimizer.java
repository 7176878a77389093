package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An optimizer that keeps a fixed set of state tensors ("slots", e.g. Adam's {@code m} and {@code v}) per parameter,
 * found by parameter name. Slots are created on a parameter's first step (or by {@link #loadState}); after that a
 * step allocates nothing.
 */
abstract class StatefulOptimizer implements Optimizer {
    private static final Tensor[] NO_SLOTS = new Tensor[0];

    private final String name;
    private final List<String> slotNames;
    /** The learning rate, read by the subclasses' updates. */
    final double lr;
    private final double weightDecay;
    private final Map<String, Slots> byParameter = new LinkedHashMap<>();
    private long steps;

    /** One parameter's slots, and the step that last updated it (one name twice in one step is an error). */
    private static final class Slots {
        final Tensor[] tensors;
        long lastStep = -1;

        Slots(Tensor[] tensors) {
            this.tensors = tensors;
        }
    }

    StatefulOptimizer(String name, List<String> slotNames, double lr, double weightDecay) {
        this.name = name;
        this.slotNames = List.copyOf(slotNames);
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    /** Option {@code lr}. */
    @Override
    public final OptionalDouble learningRate() {
        return OptionalDouble.of(lr);
    }

    /** Option {@code weight-decay}: the λ added as {@code λ·W} to the regularised parameters' gradients. */
    @Override
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * Updates {@code w} in place from {@code g + wd·w} (the book's L2 term; {@code wd} is 0 for parameters that are
     * not regularised), with this parameter's slots in {@link #slotNames} order.
     */
    abstract void update(Tensor w, Tensor g, double wd, Tensor[] slots);

    /** Called once at the start of every step, before any parameter is updated (Adam counts its steps here). */
    void beginStep() {
    }

    @Override
    public final void step(List<Parameter> parameters) {
        steps++;
        beginStep();
        // An indexed loop: no iterator per step.
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            update(p.value(), p.grad(), p.regularized() ? weightDecay : 0.0, slotsOf(p));
        }
    }

    private Tensor[] slotsOf(Parameter p) {
        if (slotNames.isEmpty()) {
            return NO_SLOTS;
        }
        Slots s = byParameter.get(p.name());
        if (s == null) {
            Tensor[] t = new Tensor[slotNames.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = Tensor.zerosLike(p.value());
            }
            s = new Slots(t);
            byParameter.put(p.name(), s);
        } else {
            if (s.lastStep == steps) {
                throw new IllegalArgumentException(name + ": parameter name '" + p.name()
                        + "' appears twice in one step; parameter names must be unique");
            }
            for (int k = 0; k < s.tensors.length; k++) {
                checkFits(p, slotNames.get(k), s.tensors[k]);
            }
        }
        s.lastStep = steps;
        return s.tensors;
    }

    // Compares dims one by one: Tensor.shape() copies, and a step must not allocate.
    private void checkFits(Parameter p, String slot, Tensor state) {
        Tensor v = p.value();
        boolean same = state.dtype() == v.dtype() && state.rank() == v.rank();
        for (int a = 0; same && a < v.rank(); a++) {
            same = state.dim(a) == v.dim(a);
        }
        if (!same) {
            throw new IllegalArgumentException(name + ": state '" + p.name() + "." + slot + "' is "
                    + state.describe() + " but parameter '" + p.name() + "' is " + v.describe());
        }
    }

    /** The slots as {@code <parameter>.<slot>}, copies in parameter order, plus {@link #counters}. */
    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        byParameter.forEach((param, s) -> {
            for (int k = 0; k < s.tensors.length; k++) {
                out.put(param + "." + slotNames.get(k), s.tensors[k].copy());
            }
        });
        counters(out);
        return out;
    }

    /** Adds counters such as Adam's step count to a state map. */
    void counters(Map<String, Tensor> out) {
    }

    /**
     * Takes this optimizer's counters out of {@code state} and checks them; the returned action applies them once
     * the whole state has been checked. {@code hasSlots} says whether the state holds slots (so a missing counter
     * can be reported).
     */
    Runnable takeCounters(Map<String, Tensor> state, boolean hasSlots) {
        return () -> { };
    }

    /** Replaces all state with {@code state} (as {@link #state} writes it), checked whole before anything changes. */
    @Override
    public void loadState(Map<String, Tensor> state) {
        Map<String, Tensor> rest = new LinkedHashMap<>(state);
        Map<String, Tensor[]> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            int slot = dot <= 0 ? -1 : slotNames.indexOf(key.substring(dot + 1));
            if (slot < 0) {
                continue;
            }
            rest.remove(key);
            Tensor[] slots = loaded.computeIfAbsent(key.substring(0, dot), k -> new Tensor[slotNames.size()]);
            slots[slot] = e.getValue().copy();
        }
        Runnable applyCounters = takeCounters(rest, !loaded.isEmpty());
        if (!rest.isEmpty()) {
            String key = rest.keySet().iterator().next();
            String expected = slotNames.isEmpty() ? "no state"
                    : "'<parameter>.<slot>' with slot " + String.join(" or ", slotNames);
            throw new IllegalArgumentException(name + ": unknown state entry '" + key + "'; expected " + expected);
        }
        for (Map.Entry<String, Tensor[]> e : loaded.entrySet()) {
            Tensor[] t = e.getValue();
            for (int k = 0; k < t.length; k++) {
                if (t[k] == null) {
                    throw new IllegalArgumentException(name + ": state of parameter '" + e.getKey()
                            + "' lacks slot '" + slotNames.get(k) + "'");
                }
                if (t[k].dtype() != t[0].dtype() || t[k].size() != t[0].size()) {
                    throw new IllegalArgumentException(name + ": state slots of parameter '" + e.getKey()
                            + "' differ: " + slotNames.get(0) + " is " + t[0].describe() + ", " + slotNames.get(k)
                            + " is " + t[k].describe());
                }
            }
        }
        byParameter.clear();
        applyCounters.run();
        loaded.forEach((param, t) -> byParameter.put(param, new Slots(t)));
    }
}
