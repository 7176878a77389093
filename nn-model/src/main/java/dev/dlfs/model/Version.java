package dev.dlfs.model;

/** The version of dlfs in use, as recorded in checkpoints and printed by the command line. */
public final class Version {
    /** The framework version; checkpoints store it so that a later version can tell what wrote them. */
    public static final String CURRENT = "0.1.0";

    private Version() {
    }
}
