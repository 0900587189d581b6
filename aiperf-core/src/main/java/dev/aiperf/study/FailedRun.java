package dev.aiperf.study;

/** A run of a study that produced no usable summary, and why ({@code failed_runs[]} of the aggregate). */
public record FailedRun(String label, String error) {
}
