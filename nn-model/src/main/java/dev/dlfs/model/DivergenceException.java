package dev.dlfs.model;

/**
 * Training stopped because the loss or the parameters became NaN or infinite. Names the iteration, the first layer
 * with non-finite values, and what to try.
 */
public class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int iteration;
    private final String layer;
    private final transient History history;

    public DivergenceException(int iteration, String layer, String message, History history) {
        super(message);
        this.iteration = iteration;
        this.layer = layer;
        this.history = history;
    }

    /** The 0-based iteration whose loss or update was not finite. */
    public int iteration() {
        return iteration;
    }

    /** The first layer holding non-finite parameters or outputs, or empty if none could be found. */
    public String layer() {
        return layer;
    }

    /** The run up to the divergence. */
    public History history() {
        return history;
    }
}
