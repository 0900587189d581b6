package dev.aiperf.engine;

/**
 * The UI's way to stop the run (a dashboard's quit key): created before the run it stops exists,
 * pointed at it once it does. Stopping before then does nothing.
 */
final class RunStopper implements Runnable {
    private volatile Runnable stop;

    void stopWith(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void run() {
        Runnable target = stop;
        if (target != null) {
            target.run();
        }
    }
}
