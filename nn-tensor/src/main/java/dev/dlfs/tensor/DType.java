package dev.dlfs.tensor;

/** Element type of a {@link Tensor}. float32 is the default; float64 serves gradient checks and references. */
public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** NumPy's name for this type: {@code float32} or {@code float64}. */
    public String label() {
        return label;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Parses {@code float32}/{@code f32}/{@code float64}/{@code f64}/{@code double}, case-insensitively. */
    public static DType parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32", "f32", "float" -> FLOAT32;
            case "float64", "f64", "double" -> FLOAT64;
            default -> throw new IllegalArgumentException(
                    "unknown dtype '" + name + "'; known dtypes: float32, float64");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
