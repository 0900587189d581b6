package dev.aiperf.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    })
    void reprMatchesPython(double value, String expected) {
        assertThat(PythonNumbers.repr(value)).isEqualTo(expected);
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
