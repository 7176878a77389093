package dev.dlfs.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check a numeric option's range while the command line is read, so that {@code --threads 0} is a
 * usage error naming the option (exit 2) rather than a failure deep inside the command.
 */
final class OptionRanges {
    private OptionRanges() {
    }

    /** A count: a whole number of at least 1 ({@code --threads}, {@code --epochs}, {@code --batch-size} …). */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 1);
        }
    }

    /** A position: a whole number of at least 0 ({@code --index}). */
    static final class AtLeastZero implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 0);
        }
    }

    /** A finite number above 0 ({@code --tolerance}). */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new TypeConversionException("must be a number above 0, got " + value);
            }
            return d;
        }
    }

    private static int wholeNumber(String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number"
                    + (value.strip().matches("[+-]?\\d+") ? " that fits in 32 bits" : ""));
        }
        if (n < min) {
            throw new TypeConversionException("must be at least " + min + ", got " + n);
        }
        return n;
    }
}
