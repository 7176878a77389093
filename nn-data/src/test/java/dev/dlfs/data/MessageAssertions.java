package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that an error message says what it should. */
final class MessageAssertions {
    private MessageAssertions() {
    }

    /** Every one of {@code parts} occurs in the exception's message. */
    static void assertMentions(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }
}
