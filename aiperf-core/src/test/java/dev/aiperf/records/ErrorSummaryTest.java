package dev.aiperf.records;

import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.model.ErrorDetails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSummaryTest {

    @Test
    void countsByCodeTypeAndMessageInFirstSeenOrder() {
        ErrorSummary summary = new ErrorSummary();
        ErrorDetails boom = new ErrorDetails(500, "Internal Server Error", "boom");
        ErrorDetails timeout = new ErrorDetails(0, "RequestSendTimeout", "Timed out waiting for request to be sent");
        summary.add(timeout);
        summary.add(boom);
        summary.add(new ErrorDetails(500, "Internal Server Error", "boom"));
        summary.add(new ErrorDetails(500, "Internal Server Error", "other"));
        assertThat(summary.toList()).containsExactly(new ErrorCount(timeout, 1), new ErrorCount(boom, 2),
                new ErrorCount(new ErrorDetails(500, "Internal Server Error", "other"), 1));
        assertThat(summary.total()).isEqualTo(4);
    }
}
