package dev.aiperf.api.export;

import dev.aiperf.api.model.ErrorDetails;

/**
 * How often one distinct error occurred. Errors are distinct by {@code (code, type, message)}.
 *
 * @param details the error
 * @param count   number of profiling requests that failed with it
 */
public record ErrorCount(ErrorDetails details, long count) {
}
