package dev.aiperf.config;

import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The load-shape options checked against each other and the rest of the load (spec §1.4 steps 1, 3,
 * 5, 8, 9, 13): fixed schedule, user-centric rate, prefill concurrency, cancellation, ramp type and
 * URL strategy. Problems go to the shared {@link ProblemList}, so one run reports all of them.
 */
final class LoadShapeRules {
    private final ProfileSettings o;
    private final ProblemList problems;

    LoadShapeRules(ProfileSettings settings, ProblemList problems) {
        this.o = settings;
        this.problems = problems;
    }

    /** Trace formats whose timestamps switch the replay on by themselves (spec §1.4 step 1.2). */
    private static final Set<String> TRACE_TYPES = Set.of("mooncake_trace", "bailian_trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the run replays its dataset's timestamps: asked for, or a timestamped trace not opted out of. */
    boolean fixedSchedule() {
        if (o.fixedSchedule.fixedSchedule || o.fixedSchedule.noFixedSchedule) {
            return o.fixedSchedule.fixedSchedule;
        }
        return timestampedTrace();
    }

    /**
     * A custom dataset type given as a trace type whose first entry carries a timestamp: such a trace
     * is replayed at its times unless {@code --no-fixed-schedule} says otherwise. A file that cannot be
     * read is left for the loader to report.
     */
    private boolean timestampedTrace() {
        String type = o.input.customDatasetType;
        Path file = o.input.inputFile;
        if (type == null || file == null || !TRACE_TYPES.contains(type.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
            return false;
        }
        try (var lines = Files.lines(file)) {
            String first = lines.filter(line -> !line.isBlank()).findFirst().orElse(null);
            JsonNode timestamp = first == null ? null : JSON.readTree(first).get("timestamp");
            return timestamp != null && !timestamp.isNull();
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The timing strategy the options select (spec §1.4 step 1): fixed schedule, user-centric, else rate. */
    String timingStrategy() {
        if (fixedSchedule()) {
            return LoadConfig.FIXED_SCHEDULE;
        }
        return o.shapes.userCentricRate != null ? LoadConfig.USER_CENTRIC_RATE : LoadConfig.REQUEST_RATE;
    }

    /** The shapes, with every rule that involves only them and the mode checked. */
    LoadShapeConfig build(String rampType, String urlStrategy) {
        ProfileSettings.FixedSchedule f = o.fixedSchedule;
        ProfileSettings.Shapes s = o.shapes;
        LoadShapeConfig shape = LoadShapeConfig.NONE.withRampType(rampType).withUrlSelectionStrategy(urlStrategy);
        // Fixed schedule (steps 5, 9, 13). The offsets need the option itself, not the automatic replay.
        boolean explicit = f.fixedSchedule;
        if (f.fixedSchedule && f.noFixedSchedule) {
            problems.add("--fixed-schedule and --no-fixed-schedule contradict each other; give one");
        }
        if (fixedSchedule()) {
            if (o.input.inputFile == null) {
                problems.add("--fixed-schedule needs --input-file: a file whose entries carry 'timestamp' (ms)");
            }
            if (o.input.datasetSamplingStrategy != null) {
                problems.add("--dataset-sampling-strategy does not apply with --fixed-schedule: a replay sends every"
                        + " entry once, in timestamp order");
            }
            if (o.load.requestRate != null || s.userCentricRate != null) {
                problems.add("--fixed-schedule sends at the dataset's timestamps; drop "
                        + (o.load.requestRate != null ? "--request-rate" : "--user-centric-rate"));
            }
            if (f.startOffset != null && f.endOffset != null && f.endOffset < f.startOffset) {
                problems.add("--fixed-schedule-end-offset (" + f.endOffset + ") must not be before"
                        + " --fixed-schedule-start-offset (" + f.startOffset + ")");
            }
            shape = shape.withFixedSchedule(f.autoOffset, f.startOffset, f.endOffset);
        }
        if (!explicit && (f.autoOffset || f.startOffset != null || f.endOffset != null)) {
            problems.add("--fixed-schedule-auto-offset, --fixed-schedule-start-offset and --fixed-schedule-end-offset"
                    + " only apply with --fixed-schedule");
        }
        // User-centric rate (steps 1.3, 3, 5).
        if (s.userCentricRate != null) {
            if (!(s.userCentricRate > 0) || s.userCentricRate.isInfinite()) {
                problems.add("--user-centric-rate must be a number greater than 0, got " + s.userCentricRate);
            } else if (s.numUsers == null) {
                problems.add("--user-centric-rate needs --num-users (how many simulated users share the rate)");
            } else if (s.numUsers < 1) {
                problems.add("--num-users must be 1 or more, got " + s.numUsers);
            } else if (!fixedSchedule()) {
                shape = shape.withUserCentricRate(s.userCentricRate, s.numUsers);
            }
            if (o.load.requestRate != null || o.load.arrivalPattern != null) {
                problems.add("--user-centric-rate sets its own pacing; drop "
                        + (o.load.requestRate != null ? "--request-rate" : "--arrival-pattern"));
            }
            if (o.input.inputFile == null && (o.conversation.sessionTurnsMean == null
                    || o.conversation.sessionTurnsMean < 2)) {
                problems.add("--user-centric-rate simulates users holding conversations: give --session-turns-mean"
                        + " 2 or more");
            }
            if (s.numUsers != null) {
                if (o.conversation.numSessions != null && s.numUsers > o.conversation.numSessions) {
                    problems.add("--num-users (" + s.numUsers + ") must not exceed --num-sessions ("
                            + o.conversation.numSessions + ")");
                }
                if (o.load.requestCount != null && s.numUsers > o.load.requestCount) {
                    problems.add("--num-users (" + s.numUsers + ") must not exceed --request-count ("
                            + o.load.requestCount + ")");
                }
            }
        } else if (s.numUsers != null) {
            problems.add("--num-users only applies with --user-centric-rate");
        }
        if (o.load.requestRateRampDuration != null && !LoadConfig.REQUEST_RATE.equals(timingStrategy())) {
            problems.add("--request-rate-ramp-duration only applies with --request-rate");
        }
        // Prefill concurrency (step 8) and its ramp.
        Integer prefill = problems.atLeastOne("--prefill-concurrency", s.prefillConcurrency);
        Integer warmupPrefill = problems.atLeastOne("--warmup-prefill-concurrency", s.warmupPrefillConcurrency);
        Double prefillRamp = problems.positiveOrNull("--prefill-concurrency-ramp-duration",
                s.prefillConcurrencyRampDuration);
        Double warmupPrefillRamp = problems.positiveOrNull("--warmup-prefill-concurrency-ramp-duration",
                s.warmupPrefillConcurrencyRampDuration);
        if ((prefill != null || warmupPrefill != null) && !o.endpoint.streaming) {
            problems.add("--prefill-concurrency counts requests until their first token, which needs --streaming");
        }
        if (prefill != null && o.load.concurrency != null && prefill > o.load.concurrency) {
            problems.add("--prefill-concurrency (" + prefill + ") must not exceed --concurrency (" + o.load.concurrency
                    + ")");
        }
        Integer warmupConcurrency = o.load.warmupConcurrency != null ? o.load.warmupConcurrency : o.load.concurrency;
        Integer effectiveWarmupPrefill = warmupPrefill != null ? warmupPrefill : prefill;
        if (effectiveWarmupPrefill != null && warmupConcurrency != null && effectiveWarmupPrefill > warmupConcurrency) {
            problems.add("--warmup-prefill-concurrency (" + effectiveWarmupPrefill + ") must not exceed the warm-up"
                    + " concurrency (" + warmupConcurrency + ")");
        }
        if (prefillRamp != null && prefill == null) {
            problems.add("--prefill-concurrency-ramp-duration needs --prefill-concurrency (the value to ramp up to)");
        }
        shape = shape.withPrefillConcurrency(prefill, prefillRamp)
                .withWarmupPrefillConcurrency(warmupPrefill, warmupPrefillRamp);
        // Cancellation (step 5).
        Double cancelRate = s.requestCancellationRate;
        if (cancelRate != null && (!(cancelRate > 0) || cancelRate > 100)) {
            problems.add("--request-cancellation-rate is a percentage in (0, 100], got " + cancelRate);
            cancelRate = null;
        }
        double cancelDelay = 0;
        if (s.requestCancellationDelay != null) {
            if (cancelRate == null && s.requestCancellationRate == null) {
                problems.add("--request-cancellation-delay only applies with --request-cancellation-rate");
            } else if (!(s.requestCancellationDelay >= 0) || s.requestCancellationDelay.isInfinite()) {
                problems.add("--request-cancellation-delay must be seconds, 0 or more, got "
                        + s.requestCancellationDelay);
            } else {
                cancelDelay = s.requestCancellationDelay;
            }
        }
        return shape.withRequestCancellation(cancelRate, cancelDelay);
    }
}
