package dev.aiperf.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Number text as Python prints it (metrics spec §9 "Number formatting"). */
class PythonNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "75.0, 75.0",
            "0.18100000000000002, 0.18100000000000002",
            "1.7625515347970678E18, 1.7625515347970678e+18",
            "1.0E16, 1e+16",
            "1.0E15, 1000000000000000.0",
            "123456789.0, 123456789.0",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "1.5E-7, 1.5e-07",
            "-2.5, -2.5",
            "-0.0, -0.0",
            "22.09944751381215, 22.09944751381215",
            "1.0E100, 1e+100",
            "1.0E7, 10000000.0",
            "9999999.0, 9999999.0",
            "0.001, 0.001",
            "9.999999999999998E-4, 0.0009999999999999998",
            "9999999999999998.0, 9999999999999998.0",
            "1.7976931348623157E308, 1.7976931348623157e+308",
            "4.9E-324, 5e-324",          // Java prints two digits where one reads back: the shortest wins
            "9.9E-324, 1e-323",
            "-4.9E-324, -5e-324",
            "1.5E-323, 1.5e-323",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity",
    })
    void reprMatchesPython(double value, String expected) {
        assertThat(PythonNumbers.repr(value)).isEqualTo(expected);
    }

    /**
     * Thousands of doubles (every power of ten and its neighbours, the smallest subnormals, random bit patterns,
     * values like the records hold) against CPython 3.11's {@code repr}, as {@code python-float-repr.py} wrote them.
     */
    @Test
    void reprMatchesCPythonOnEveryKnownAnswer() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (BufferedReader answers = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("python-float-repr.txt")), StandardCharsets.US_ASCII))) {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                String[] bitsAndRepr = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(bitsAndRepr[0], 16));
                StringBuilder appended = new StringBuilder("x");
                PythonNumbers.appendRepr(appended, value);
                if (!PythonNumbers.repr(value).equals(bitsAndRepr[1]) || !appended.toString().equals("x" + bitsAndRepr[1])) {
                    mismatches.add(line + " but got " + PythonNumbers.repr(value));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(6000);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "4.0, 4.00",
            "0.125, 0.12",       // exact binary tie: half-even
            "0.375, 0.38",
            "2.675, 2.67",       // 2.675 is 2.67499999... in binary
            "149.17127071823202, 149.17",
            "0.18100000000000002, 0.18",
            "-0.001, -0.00",
            "1234567.891, 1234567.89",
    })
    void fixedTwoDecimalsRoundsTheExactBinaryValueHalfEven(double value, String expected) {
        assertThat(PythonNumbers.fixed2(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "3651.234; 3,651.23",
            "1234567.891; 1,234,567.89",
            "100.0; 100.00",
            "-1234.5; -1,234.50",
    })
    void groupedUsesThousandsSeparators(double value, String expected) {
        assertThat(PythonNumbers.grouped2(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "5.0, 5",
            "12.5, 12.5",
            "10.0, 10",
            "0.1, 0.1",
            "0.00001, 1e-05",
            "1234567.0, 1.23457e+06",
    })
    void generalFormatLikePercentG(double value, String expected) {
        assertThat(PythonNumbers.general(value)).isEqualTo(expected);
    }
}
