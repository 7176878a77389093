package dev.dlfs.data;

/** Element types of the IDX format (the third byte of an IDX file); values are stored big-endian. */
public enum IdxType {
    UBYTE(0x08, 1, "unsigned byte"),
    BYTE(0x09, 1, "signed byte"),
    SHORT(0x0B, 2, "short"),
    INT(0x0C, 4, "int"),
    FLOAT(0x0D, 4, "float"),
    DOUBLE(0x0E, 8, "double");

    private final int code;
    private final int bytes;
    private final String label;

    IdxType(int code, int bytes, String label) {
        this.code = code;
        this.bytes = bytes;
        this.label = label;
    }

    /** The type code as written in the file, e.g. {@code 0x08}. */
    public int code() {
        return code;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether elements are whole numbers (usable as labels). */
    public boolean integral() {
        return this != FLOAT && this != DOUBLE;
    }

    /** The type with this code, or null. */
    public static IdxType ofCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label + String.format(" (0x%02X)", code);
    }
}
