package dev.aiperf.study;

/** The loop order of a sweep with repeated runs ({@code --parameter-sweep-mode}). */
public enum SweepMode {
    /** Trials outer: the whole sweep runs once per trial ({@code profile_runs/trial_NNNN/<cell>/}). */
    REPEATED,
    /** Cells outer: every trial of a cell runs before the next cell ({@code <cell>/profile_runs/trial_NNNN/}). */
    INDEPENDENT
}
