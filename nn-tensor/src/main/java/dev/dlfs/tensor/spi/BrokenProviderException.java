package dev.dlfs.tensor.spi;

/**
 * A provider broke its contract while making an item: it returned null, or failed with an error that is not a
 * refusal of the options (a NullPointerException, a missing method of an older SPI …). The message names the
 * provider's class and its jar; the fault is the provider's, not the configuration's.
 */
public final class BrokenProviderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final transient ProviderFailure failure;

    BrokenProviderException(ProviderFailure failure) {
        super(failure.kind() + " provider " + failure, failure.error());
        this.failure = failure;
    }

    /** The provider, where it came from, and what it did. */
    public ProviderFailure failure() {
        return failure;
    }
}
