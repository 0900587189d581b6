package dev.aiperf.export;

/**
 * Python's {@code repr} of a double in [1e-4, 1e14), where it is positional ({@code 9.080720999999999}), written
 * straight as bytes: the shortest decimal that reads back as the double, the closest to it when several are as
 * short. Hand-written because it is most of a record line's cost (an ITL list is 63 doubles, a third of them a
 * nanosecond count times 1e-6 that needs 16 digits) and {@code Double.toString} makes characters first; the answer
 * is the same, which {@code PythonNumbersBytesTest} checks on millions of doubles against the characters' way.
 *
 * <p>How: {@code v = m * 2^q} exactly. For {@code p} = 15, 16, 17 significant digits, {@code v * 10^k} (with
 * {@code k = p - 1 - e}, {@code e} the decimal exponent of {@code v}) is {@code m * 5^k / 2^s}, an exact 128-bit
 * product shifted right; rounded half-even it is the closest {@code p}-digit decimal, which reads back as {@code v}
 * exactly when it is inside {@code v}'s rounding interval (half an ulp each side, a quarter below a power of two;
 * the ends belong to {@code v} when {@code m} is even). The first {@code p} that does is the shortest length: the
 * interval (under 2.3e-16 of {@code v} wide) holds at most one decimal of 15 digits or fewer, so the one found at
 * 15 is every shorter one too; at 16 and 17 the closest is the answer when it is inside. When none is (the one
 * below a power of two, whose interval is lopsided), the caller takes the slow way.
 */
final class PositionalRepr {
    /** 5^0 .. 5^20. */
    private static final long[] FIVES = new long[21];
    /** 10^0 .. 10^18. */
    private static final long[] TENS = new long[19];

    static {
        FIVES[0] = 1;
        for (int i = 1; i < FIVES.length; i++) {
            FIVES[i] = FIVES[i - 1] * 5;
        }
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    private PositionalRepr() {
    }

    /** Writes positive {@code v}'s repr when {@code v} is in [1e-4, 1e14) (and not the rare lopsided case); false, having written nothing, otherwise. */
    static boolean append(Utf8Line out, double v) {
        if (!(v >= 1e-4 && v < 1e14)) {
            return false;
        }
        long bits = Double.doubleToRawLongBits(v);
        long m = (bits & 0x000F_FFFF_FFFF_FFFFL) | 0x0010_0000_0000_0000L; // normal: v >= 1e-4
        int q = (int) (bits >>> 52) - 1075;
        boolean evenM = (m & 1) == 0;
        boolean lopsided = m == 0x0010_0000_0000_0000L; // a power of two: the gap below is half the gap above
        int e = estimateExponent(v);
        for (int p = 15; p <= 17; p++) {
            int k = p - 1 - e;
            long five = FIVES[k];
            long hi = Math.multiplyHigh(m, five);
            long lo = m * five;
            int s = -(q + k); // 3..47 in this range
            long n = (hi << (64 - s)) | (lo >>> s);
            if (p == 15 && (n < TENS[14] || n >= TENS[15])) {
                e += n < TENS[14] ? -1 : 1; // the estimate was one off (a power of ten's double is not exact below 1)
                p--;
                continue;
            }
            long rest = lo & ((1L << s) - 1);
            long half = 1L << (s - 1);
            boolean up = rest > half || (rest == half && (n & 1) != 0);
            long distance = up ? (1L << s) - rest : rest; // |n * 2^s - m * 5^k| in units of 2^-s
            long limit = lopsided && !up ? 4 * distance : 2 * distance; // against 5^k: half an ulp (a quarter below)
            if (limit < five || (limit == five && evenM)) {
                write(out, up ? n + 1 : n, k);
                return true;
            }
        }
        return false;
    }

    /** {@code e} with 10^e <= v < 10^(e+1), possibly one off below 1 (1e-1 .. 1e-4 are not exact doubles). */
    private static int estimateExponent(double v) {
        if (v < 1) {
            return v >= 1e-1 ? -1 : v >= 1e-2 ? -2 : v >= 1e-3 ? -3 : -4;
        }
        int e = 0;
        while (e < 13 && v >= TENS[e + 1]) {
            e++;
        }
        return e;
    }

    /** {@code n * 10^-k} positionally, with at least one fractional digit and no trailing zero after the first. */
    private static void write(Utf8Line out, long n, int k) {
        while (k > 0 && n % 10 == 0) {
            n /= 10;
            k--;
        }
        int digits = Utf8Line.digitCount(n);
        if (k == 0) {
            out.digits(n, digits).append((byte) '.').append((byte) '0');
        } else if (digits > k) {
            long unit = TENS[k];
            out.digits(n / unit, digits - k).append((byte) '.').digits(n % unit, k);
        } else {
            out.append((byte) '0').append((byte) '.').digits(n, k); // the fraction's leading zeros included
        }
    }
}
