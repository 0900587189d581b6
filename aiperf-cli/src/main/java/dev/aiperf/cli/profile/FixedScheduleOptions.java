package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Fixed Schedule" group (spec §2.8): replaying a trace at its timestamps. */
public final class FixedScheduleOptions {

    @Option(names = "--fixed-schedule",
            description = "Send each conversation at its dataset timestamp (ms) instead of at a rate; needs --input-file."
                    + " On by itself for a mooncake_trace or bailian_trace file with timestamps.")
    boolean fixedSchedule;

    // A plain option rather than the negatable form, so that the original name is declared as an option of its own.
    @Option(names = "--no-fixed-schedule",
            description = "Keep the rate or concurrency mode for a trace whose entries carry timestamps.")
    boolean noFixedSchedule;

    @Option(names = "--fixed-schedule-auto-offset",
            description = "Shift the timestamps so that the first kept one is time zero.")
    boolean autoOffset;

    @Option(names = "--fixed-schedule-start-offset", paramLabel = "<ms>",
            description = "Skip entries whose timestamp is before this (ms, inclusive); also time zero without"
                    + " --fixed-schedule-auto-offset.")
    Long startOffset;

    @Option(names = "--fixed-schedule-end-offset", paramLabel = "<ms>",
            description = "Skip entries whose timestamp is after this (ms, inclusive).")
    Long endOffset;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.FixedSchedule s) {
        s.fixedSchedule = fixedSchedule;
        s.noFixedSchedule = noFixedSchedule;
        s.autoOffset = autoOffset;
        s.startOffset = startOffset;
        s.endOffset = endOffset;
    }
}
