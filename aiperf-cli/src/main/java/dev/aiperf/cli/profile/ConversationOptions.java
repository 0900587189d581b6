package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Conversation" group (spec §1.3): sessions, turns and think time. */
public final class ConversationOptions {

    @Option(names = {"--num-sessions", "--conversation-num", "--num-conversations"}, preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "Stop after starting this many sessions.")
    Integer numSessions;

    @Option(names = {"--num-dataset-entries", "--num-prompts"}, paramLabel = "<n>",
            description = "Unique synthetic conversations to generate (default: 100).")
    Integer numDatasetEntries;

    @Option(names = {"--session-turns-mean", "--conversation-turn-mean"}, preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "Mean turns per conversation (default: 1).")
    Integer sessionTurnsMean;

    @Option(names = {"--session-turns-stddev", "--conversation-turn-stddev"}, paramLabel = "<n>",
            description = "Standard deviation of the turns (default: 0).")
    Integer sessionTurnsStddev;

    @Option(names = {"--session-turn-delay-mean", "--conversation-turn-delay-mean"}, paramLabel = "<ms>",
            description = "Mean think time before each later turn, ms (default: 0).")
    Double turnDelayMean;

    @Option(names = {"--session-turn-delay-stddev", "--conversation-turn-delay-stddev"}, paramLabel = "<ms>",
            description = "Standard deviation of the think time, ms (default: 0).")
    Double turnDelayStddev;

    @Option(names = {"--session-delay-ratio", "--conversation-turn-delay-ratio"}, paramLabel = "<ratio>",
            description = "Multiplier applied to every think time (default: 1.0).")
    Double turnDelayRatio;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Conversation s) {
        s.numSessions = numSessions;
        s.numDatasetEntries = numDatasetEntries;
        s.sessionTurnsMean = sessionTurnsMean;
        s.sessionTurnsStddev = sessionTurnsStddev;
        s.turnDelayMean = turnDelayMean;
        s.turnDelayStddev = turnDelayStddev;
        s.turnDelayRatio = turnDelayRatio;
    }
}
