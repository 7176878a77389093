package dev.dlfs.model;

/** How a training run draws its mini-batches. */
public enum Sampling {
    /** The book's way: each batch drawn at random with replacement ({@code np.random.choice(n, batch)}). */
    RANDOM("random"),
    /** Epochs: a fresh permutation of the training set per epoch, cut into batches. */
    SHUFFLE("shuffle");

    private final String label;

    Sampling(String label) {
        this.label = label;
    }

    /** The YAML name. */
    public String label() {
        return label;
    }

    /** Parses a YAML name. */
    public static Sampling parse(String s) {
        for (Sampling v : values()) {
            if (v.label.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected random or shuffle, found '" + s + "'");
    }
}
