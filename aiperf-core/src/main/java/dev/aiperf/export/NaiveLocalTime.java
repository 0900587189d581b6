package dev.aiperf.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Wall times as the summary JSON writes them: local time without a zone offset, microseconds as
 * six digits and left out when zero, e.g. {@code 2025-11-07T21:38:54.200000}.
 */
final class NaiveLocalTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private NaiveLocalTime() {
    }

    static String format(long epochNs, ZoneId zone) {
        long micros = new BigDecimal(epochNs).divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_EVEN).longValueExact();
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
        LocalDateTime time = LocalDateTime.ofInstant(instant, zone);
        int fraction = time.getNano() / 1000;
        return SECONDS.format(time) + (fraction == 0 ? "" : "." + String.format("%06d", fraction));
    }
}
