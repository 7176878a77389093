package dev.dlfs.examples;

/**
 * One runnable example: a chapter of the book as a small program that prints the book's numbers
 * ({@code ./dlfs example NAME}).
 */
public interface Example {
    /** The name used on the command line, e.g. {@code layers}. */
    String name();

    /** One line saying what it shows. */
    String description();

    /** Runs the example, printing to {@code context.out()} and saving figures under {@code context.outputDir()}. */
    void run(ExampleContext context) throws Exception;
}
