package dev.aiperf.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text exactly as the original (Python) prints it, so files compare equal byte for byte.
 * Python's float {@code repr} and Java's {@code Double.toString} (JDK 19+) choose the same shortest
 * digits; they differ only in layout, which this class converts.
 */
public final class PythonNumbers {
    private PythonNumbers() {
    }

    /** Python {@code repr(float)}: shortest round-trip digits, e.g. {@code 75.0}, {@code 1e-05}, {@code 1.76e+18}. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String body;
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            body = mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        } else if (exponent < 0) {
            body = "0." + "0".repeat(-exponent - 1) + digits;
        } else if (digits.length() <= exponent + 1) {
            body = digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        } else {
            body = digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
        }
        return value < 0 ? "-" + body : body;
    }

    /** Python {@code format(x, ".2f")}: the exact binary value rounded half-even to 2 decimals. */
    public static String fixed2(double value) {
        return fixed2(value, false);
    }

    /** Python {@code format(x, ",.2f")}: like {@link #fixed2} with thousands separators. */
    public static String grouped2(double value) {
        return fixed2(value, true);
    }

    /** Python {@code format(x, "g")}: 6 significant digits, trailing zeros dropped, e.g. {@code 5}, {@code 12.5}. */
    public static String general(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = rounded.precision() - 1 - rounded.scale();
        if (exponent < -4 || exponent >= 6) {
            String digits = rounded.unscaledValue().abs().toString();
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return rounded.toPlainString();
    }

    private static String fixed2(double value, boolean grouping) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String plain = new BigDecimal(value).abs().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        if (grouping) {
            plain = group(plain);
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? "-" + plain : plain;
    }

    private static String group(String plain) {
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return grouped.append(plain, dot, plain.length()).toString();
    }
}
