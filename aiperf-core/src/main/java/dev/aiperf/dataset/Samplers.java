package dev.aiperf.dataset;

/** Argument checks shared by the samplers. */
final class Samplers {

    private Samplers() {
    }

    static int requireNonEmpty(int datasetSize) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("Cannot sample from an empty dataset (size " + datasetSize + ")");
        }
        return datasetSize;
    }
}
