package dev.aiperf.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text exactly as the original (Python) prints it, so files compare equal byte for byte.
 *
 * <p>{@link #repr} is on the per-record path (every double of every {@code profile_export.jsonl} line), so it
 * works on the characters of {@code Double.toString}, without {@code BigDecimal} or intermediate strings. Java (JDK 19+) and Python both
 * print the shortest decimal that reads back as the same double, closest to it when several are as short; they
 * differ in layout (exponent thresholds, {@code E} vs {@code e+05}), which is converted here, and in one corner:
 * when a single digit is enough, Java may still print two (only ever for subnormals, e.g. {@code 4.9E-324}
 * where Python prints {@code 5e-324}), which {@link #shortestSubnormal} undoes. The other formats are for
 * summaries and the console, printed a few dozen times per run, and keep the plain {@code BigDecimal} code.
 */
public final class PythonNumbers {
    private PythonNumbers() {
    }

    /** Python {@code repr(float)}: shortest round-trip digits, e.g. {@code 75.0}, {@code 1e-05}, {@code 1.76e+18}. */
    public static String repr(double value) {
        StringBuilder out = new StringBuilder(24);
        appendRepr(out, value);
        return out.toString();
    }

    /** Appends Python's {@code repr(value)}; {@code NaN} and infinities as {@code json.dumps} writes them. */
    public static void appendRepr(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("NaN");
            return;
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            out.append('-');
        }
        double abs = Math.abs(value);
        if (Double.isInfinite(abs)) {
            out.append("Infinity");
        } else if (abs == 0) {
            out.append("0.0");
        } else if (abs >= 1e-3 && abs < 1e7) {
            out.append(abs); // plain notation in both languages, same digits (Double.toString's, without the String)
        } else {
            appendScientificRepr(out, abs);
        }
    }

    private static final byte[] NAN = Utf8Line.ascii("NaN");
    private static final byte[] INFINITY = Utf8Line.ascii("Infinity");
    private static final byte[] ZERO = Utf8Line.ascii("0.0");
    /** Where the rare values' characters are laid out before they become bytes. */
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(32));

    /**
     * Appends Python's {@code repr(value)} as bytes: the same text as {@link #appendRepr(StringBuilder, double)}.
     * Positive values in [1e-4, 1e14) (a record line's milliseconds, throughputs, percentages) are written by
     * {@link PositionalRepr} without characters; the rest goes the characters' way.
     */
    static void appendRepr(Utf8Line out, double value) {
        if (!PositionalRepr.append(out, value)) {
            appendReprSlow(out, value);
        }
    }

    private static void appendReprSlow(Utf8Line out, double value) {
        if (Double.isNaN(value)) {
            out.append(NAN);
            return;
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            out.append((byte) '-');
        }
        double abs = Math.abs(value);
        if (Double.isInfinite(abs)) {
            out.append(INFINITY);
        } else if (abs == 0) {
            out.append(ZERO);
        } else if (!PositionalRepr.append(out, abs)) {
            StringBuilder chars = SCRATCH.get();
            chars.setLength(0);
            appendRepr(chars, abs);
            out.appendAscii(chars);
        }
    }

    /** {@code abs} outside [1e-3, 1e7), where Java writes {@code d.dddE[-]n}: re-laid out as Python does. */
    private static void appendScientificRepr(StringBuilder out, double abs) {
        String java = Double.toString(abs);
        int e = java.indexOf('E');
        int exponent = Integer.parseInt(java, e + 1, java.length(), 10);
        int end = e;
        while (end > 2 && java.charAt(end - 1) == '0') {
            end--; // trailing zeros of the fraction: "1.0E7" has the one digit "1"
        }
        char[] digits = new char[end - 1];
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (i != 1) {
                digits[count++] = java.charAt(i);
            }
        }
        if (count == 2 && abs < Double.MIN_NORMAL) {
            int oneDigit = shortestSubnormal(abs, digits[0] - '0', exponent);
            if (oneDigit > 0) {
                if (oneDigit == 10) {
                    oneDigit = 1;
                    exponent++;
                }
                digits[0] = (char) ('0' + oneDigit);
                count = 1;
            }
        }
        layOut(out, digits, count, exponent);
    }

    /**
     * Python's layout of the decimal {@code 0.d1d2... x 10^(exponent + 1)}: scientific with a signed exponent of at
     * least two digits below 1e-4 and from 1e16, else positional with at least one fractional digit.
     */
    private static void layOut(StringBuilder out, char[] digits, int count, int exponent) {
        if (exponent < -4 || exponent >= 16) {
            out.append(digits[0]);
            if (count > 1) {
                out.append('.').append(digits, 1, count - 1);
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (exponent < 0) {
            out.append("0.");
            out.repeat('0', -exponent - 1).append(digits, 0, count);
        } else if (count <= exponent + 1) {
            out.append(digits, 0, count).repeat('0', exponent + 1 - count).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, count - exponent - 1);
        }
    }

    /**
     * The single digit that also reads back as {@code abs} (Java printed two digits {@code first.x E exponent}),
     * nearest to it if both neighbours do; 10 means {@code 1E(exponent + 1)}; 0 when two digits are needed.
     */
    private static int shortestSubnormal(double abs, int first, int exponent) {
        int best = 0;
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal bestDistance = null;
        for (int digit = first; digit <= first + 1; digit++) {
            BigDecimal candidate = BigDecimal.valueOf(digit).scaleByPowerOfTen(exponent);
            if (Double.parseDouble(candidate.toString()) == abs) { // parseDouble rounds correctly on every JDK
                BigDecimal distance = candidate.subtract(exact).abs();
                if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                    best = digit;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Python {@code format(x, ".2f")}: the exact binary value rounded half-even to 2 decimals. */
    public static String fixed2(double value) {
        return fixed2(value, false);
    }

    /** Python {@code format(x, ".4f")}: the exact binary value rounded half-even to 4 decimals. */
    public static String fixed4(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return fixed2(value);
        }
        String plain = new BigDecimal(value).abs().setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        return value < 0 || (value == 0 && 1 / value < 0) ? "-" + plain : plain;
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
