package dev.aiperf.api.ui;

/**
 * Category {@code ui}: shows a run's progress to a person while it runs.
 *
 * <p><b>Lifecycle.</b> The engine creates one instance per run, before the first request, through a
 * public constructor taking a {@link UiContext} (or none), and closes it before the results are printed.
 *
 * <p><b>Threading.</b> All methods are called from one progress thread; they must not block for long.
 */
public interface AiperfUi extends AutoCloseable {

    /** A phase started; {@code expectedRequests} is null when the phase is bounded by time only. */
    void phaseStarted(String phase, Long expectedRequests, Double durationSeconds);

    /** Progress so far; called periodically (several times a second). */
    void progress(Progress progress);

    /**
     * What the profiling phase has measured so far; called just before {@link #progress} on each tick
     * of the profiling phase. A UI that shows only counts ignores it.
     */
    default void liveMetrics(LiveMetrics metrics) {
    }

    /**
     * The server's own load as last scraped from its metrics endpoints; called just before {@link #progress} on
     * each tick of every phase, only when the run scrapes server metrics. A UI that does not show it ignores it.
     */
    default void liveServerMetrics(LiveServerMetrics metrics) {
    }

    /** The phase finished (or was cut short); {@code progress} is its final state. */
    void phaseCompleted(Progress progress);

    /** Stops showing anything; the console belongs to the exporters afterwards. */
    @Override
    void close();

    /**
     * A snapshot of one phase.
     *
     * @param phase            {@code warmup} or {@code profiling}
     * @param sent             requests issued
     * @param completed        requests finished (successes and errors)
     * @param errors           finished requests that failed
     * @param elapsedSeconds   time since the phase started
     * @param expectedRequests requests the phase will send, or null when bounded by time only
     * @param durationSeconds  phase duration, or null when bounded by count only
     */
    record Progress(String phase, long sent, long completed, long errors, double elapsedSeconds,
                    Long expectedRequests, Double durationSeconds) {

        /** Completed requests per second so far. */
        public double rate() {
            return elapsedSeconds > 0 ? completed / elapsedSeconds : 0;
        }

        /** Fraction done in {@code [0, 1]} by count or by time, whichever is further; null if unknown. */
        public Double fraction() {
            Double byCount = expectedRequests == null || expectedRequests <= 0 ? null
                    : Math.min(1.0, completed / (double) expectedRequests);
            Double byTime = durationSeconds == null || durationSeconds <= 0 ? null
                    : Math.min(1.0, elapsedSeconds / durationSeconds);
            if (byCount == null) {
                return byTime;
            }
            return byTime == null ? byCount : Math.max(byCount, byTime);
        }

        /** Estimated seconds left, or null when it cannot be estimated yet. */
        public Double etaSeconds() {
            Double f = fraction();
            if (f == null || f <= 0) {
                return null;
            }
            return Math.max(0, elapsedSeconds * (1 - f) / f);
        }
    }
}
