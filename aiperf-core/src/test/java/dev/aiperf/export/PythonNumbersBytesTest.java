package dev.aiperf.export;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte writer of Python's {@code repr} ({@link PythonNumbers#appendRepr(Utf8Line, double)}, the record lines'
 * one, with its own shortcut for short decimals) against the characters' one (the summaries', itself checked
 * against CPython): the same text for every double tried.
 */
class PythonNumbersBytesTest {
    private final Utf8Line line = new Utf8Line(16);
    private final List<String> mismatches = new ArrayList<>();
    private long checked;

    private void check(double value) {
        checked++;
        line.append((byte) 'x'); // not at the start of the line, as in a record line
        int start = line.length();
        PythonNumbers.appendRepr(line, value);
        String bytes = line.toString().substring(start - 1);
        String chars = "x" + PythonNumbers.repr(value);
        if (!bytes.equals(chars) && mismatches.size() < 20) {
            mismatches.add(Double.doubleToRawLongBits(value) + " (" + chars.substring(1) + "): " + bytes.substring(1));
        }
        if (line.length() > 4096) {
            line.clear();
        }
    }

    private void checkBothSigns(double value) {
        check(value);
        check(-value);
    }

    @Test
    void cpythonsKnownAnswersAndTheEdges() throws IOException {
        try (BufferedReader answers = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("python-float-repr.txt")), StandardCharsets.US_ASCII))) {
            for (String text = answers.readLine(); text != null; text = answers.readLine()) {
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(text.split(" ")[0], 16));
                line.clear();
                PythonNumbers.appendRepr(line, value);
                assertThat(line.toString()).as(text).isEqualTo(text.split(" ")[1]);
            }
        }
        for (double special : new double[]{0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, 1e-4, 1e14, 1e15, 1e16, 1e7, 1e-3, 9999999999999998.0,
                99999999999999.99, 0.00009999999999999999}) {
            checkBothSigns(special);
            checkBothSigns(Math.nextUp(special));
            checkBothSigns(Math.nextDown(special));
        }
        // every power of ten (as its double, and as the doubles next to it) and a few multiples
        for (int e = -325; e <= 308; e++) {
            double power = Double.parseDouble("1e" + e);
            for (double value : new double[]{power, 2 * power, 5 * power, 9.5 * power, 0.99999999999999 * power}) {
                checkBothSigns(value);
                for (int step = 1; step <= 3; step++) {
                    value = Math.nextUp(value);
                    checkBothSigns(value);
                }
            }
            double below = power;
            for (int step = 1; step <= 3; step++) {
                below = Math.nextDown(below);
                checkBothSigns(below);
            }
        }
        // every power of two and its neighbours (the lopsided rounding interval below it)
        for (int e = -1074; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            checkBothSigns(power);
            checkBothSigns(Math.nextUp(power));
            checkBothSigns(Math.nextDown(power));
        }
        // the smallest subnormals, where Java's Double.toString prints two digits for one
        for (long bits = 1; bits < 2000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theBytesOwnWayTakesNearlyEveryPositionalValue() {
        SplittableRandom random = new SplittableRandom(12);
        int taken = 0;
        int tried = 100_000;
        for (int i = 0; i < tried; i++) {
            double value = random.nextInt(2) == 0 ? random.nextLong(1, 100_000_000_000L) * 1e-6
                    : random.nextDouble(1e-4, 1e14);
            line.clear();
            if (PositionalRepr.append(line, value)) {
                taken++;
                assertThat(line.toString()).isEqualTo(PythonNumbers.repr(value));
            }
        }
        assertThat(taken).isGreaterThan(tried * 99 / 100);
        assertThat(PositionalRepr.append(line.clear(), 9.080720999999999)).isTrue();
        assertThat(PositionalRepr.append(line.clear(), 1e14)).as("outside: scientific from 1e16").isFalse();
        assertThat(PositionalRepr.append(line.clear(), 9.999e-5)).isFalse();
    }

    @Test
    void randomDoublesOfEveryKind() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 100_000; i++) {
            checkBothSigns(Double.longBitsToDouble(random.nextLong())); // any bit pattern (NaNs included)
            checkBothSigns(random.nextLong(1, 100_000_000_000L) * 1e-6); // nanoseconds in milliseconds
            checkBothSigns(random.nextLong(1, 100_000_000_000L) / 1e9); // nanoseconds in seconds
            checkBothSigns(random.nextDouble() * Math.pow(10, random.nextInt(-6, 18))); // full precision, every range
            // short decimals of 1 to 17 digits at every scale: what the shortcut takes and its edges
            int digits = random.nextInt(1, 18);
            long n = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits));
            checkBothSigns(Double.parseDouble(n + "e" + random.nextInt(-24, 20)));
            checkBothSigns(random.nextInt(1, 100_000) / (double) random.nextInt(1, 10_000)); // throughputs
        }
        assertThat(checked).isGreaterThan(1_000_000);
        assertThat(mismatches).isEmpty();
    }
}
