package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi;

/** UI {@code none}: shows nothing while the benchmark runs. */
public final class NoUi implements AiperfUi {

    @Override
    public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
    }

    @Override
    public void progress(Progress progress) {
    }

    @Override
    public void phaseCompleted(Progress progress) {
    }

    @Override
    public void close() {
    }
}
