package dev.sockeye.impl.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Strict number parsing for payloads: ASCII decimal notation only (the JDK parsers would also take
 * hexadecimal floats, {@code "1d"} suffixes and non-ASCII digits), and no silent overflow.
 * Stateless and thread-safe; every method throws {@link Failure} on bad input.
 */
final class Numbers {

    /** A decimal number as JavaScript's {@code Number#toString} and JSON write it, and a little more. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private Numbers() {
    }

    /** @return whether {@code text} is an optional sign followed by ASCII digits */
    static boolean isDecimalInteger(String text) {
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static long parseIntegral(String text, long min, long max) {
        if (!isDecimalInteger(text)) {
            throw new Failure("not a whole decimal number");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw outOfRange(min, max);
        }
        if (value < min || value > max) {
            throw outOfRange(min, max);
        }
        return value;
    }

    /** @return a {@code Long}, or a {@code BigInteger} for an integer beyond the range of {@code long} */
    static Number longOrBigInteger(String text) {
        BigInteger value = parseBigInteger(text);
        return value.bitLength() < Long.SIZE ? (Number) value.longValue() : value;
    }

    static BigInteger parseBigInteger(String text) {
        if (!isDecimalInteger(text)) {
            throw new Failure("not a whole decimal number");
        }
        return new BigInteger(text);
    }

    static double parseDouble(String text) {
        if (isNonFinite(text)) {
            return Double.parseDouble(text);
        }
        checkDecimal(text);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new Failure("out of the range of double");
        }
        return value;
    }

    static float parseFloat(String text) {
        if (isNonFinite(text)) {
            return Float.parseFloat(text);
        }
        checkDecimal(text);
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            throw new Failure("out of the range of float");
        }
        return value;
    }

    static BigDecimal parseBigDecimal(String text) {
        checkDecimal(text);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond the range of int
            throw new Failure("out of the range of BigDecimal");
        }
    }

    /** JavaScript writes these for {@code NaN} and infinite numbers, and the Iris client sends them as type 1. */
    private static boolean isNonFinite(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") || text.equals("+Infinity");
    }

    private static void checkDecimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new Failure("not a decimal number");
        }
    }

    private static Failure outOfRange(long min, long max) {
        return new Failure("out of range [" + min + ", " + max + "]");
    }
}
