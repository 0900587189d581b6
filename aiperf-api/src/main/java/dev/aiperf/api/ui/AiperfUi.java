package dev.aiperf.api.ui;

/** Category {@code ui}: shows a run's progress to a person while it runs. */
public interface AiperfUi extends AutoCloseable {

    /** A phase started; {@code expectedRequests} is null when the phase is bounded by time only. */
    void phaseStarted(String phase, Long expectedRequests, Double durationSeconds);

    /** Progress so far; called periodically from one thread. */
    void progress(String phase, long completed, long errors, double elapsedSeconds);

    void phaseCompleted(String phase);

    @Override
    void close();
}
