package dev.aiperf.config;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.RankingsConfig;
import dev.aiperf.api.config.TraceConfig;
import dev.aiperf.dataset.CacheBust;
import dev.aiperf.dataset.ShareGptDatasetLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The "Input", "Prompt", "Conversation" and "Rankings" settings (spec §1.3): the dataset, synthetic prompt
 * lengths, conversations and their defaults (ISL 550, 100 dataset entries, one turn).
 */
final class InputRules {
    private final ProfileSettings s;
    private final ProblemList problems;

    InputRules(ProfileSettings settings, ProblemList problems) {
        this.s = settings;
        this.problems = problems;
    }

    /** The input without its media, public dataset and cache-bust (see {@link MediaRules} and below). */
    InputConfig build() {
        ProfileSettings.Input in = s.input;
        ProfileSettings.Prompt p = s.prompt;
        ProfileSettings.Conversation c = s.conversation;
        Path file = in.inputFile;
        if (file != null && !Files.exists(file)) {
            problems.add("--input-file " + file + " does not exist");
        } else if (file != null && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            problems.add("--input-file " + file + " is neither a file nor a directory");
        }
        String customType = null;
        if (in.customDatasetType != null) {
            if (file == null) {
                problems.add("--custom-dataset-type needs --input-file");
            }
            customType = problems.pluginName("--custom-dataset-type", PluginType.CUSTOM_DATASET_LOADER,
                    in.customDatasetType);
        }
        String sampler = in.datasetSamplingStrategy == null ? null
                : problems.pluginName("--dataset-sampling-strategy", PluginType.DATASET_SAMPLER,
                in.datasetSamplingStrategy);
        int batch = problems.atLeast("--prompt-batch-size", p.batchSize, 0, 1);
        int isl = problems.atLeast("--isl", p.islMean, 0, 550);
        double islStd = problems.nonNegative("--isl-stddev", p.islStddev, 0.0);
        Integer osl = p.oslMean == null ? null : problems.atLeast("--osl", p.oslMean, 0, 0);
        double oslStd = problems.nonNegative("--osl-stddev", p.oslStddev, 0.0);
        int prefixPool = problems.atLeast("--num-prefix-prompts", p.numPrefixPrompts, 0, 0);
        int prefixLength = problems.atLeast("--prefix-prompt-length", p.prefixPromptLength, 0, 0);
        Integer system = p.sharedSystemPromptLength == null ? null
                : problems.atLeast("--shared-system-prompt-length", p.sharedSystemPromptLength, 1, 1);
        Integer context = p.userContextPromptLength == null ? null
                : problems.atLeast("--user-context-prompt-length", p.userContextPromptLength, 1, 1);
        if ((system != null || context != null) && (prefixPool > 0 || prefixLength > 0)) {
            problems.add((system != null ? "--shared-system-prompt-length" : "--user-context-prompt-length")
                    + " cannot be combined with --num-prefix-prompts/--prefix-prompt-length");
        }
        if (context != null && c.numDatasetEntries == null) {
            problems.add("--user-context-prompt-length needs an explicit --num-dataset-entries");
        }
        if (prefixLength > 0 && prefixPool == 0) {
            problems.add("--prefix-prompt-length " + prefixLength + " needs --num-prefix-prompts of 1 or more");
        }
        int entries = problems.atLeast("--num-dataset-entries", c.numDatasetEntries, 1, 100);
        int turns = problems.atLeast("--session-turns-mean", c.sessionTurnsMean, 1, 1);
        int turnsStd = problems.atLeast("--session-turns-stddev", c.sessionTurnsStddev, 0, 0);
        double delay = problems.nonNegative("--session-turn-delay-mean", c.turnDelayMean, 0.0);
        double delayStd = problems.nonNegative("--session-turn-delay-stddev", c.turnDelayStddev, 0.0);
        double ratio = problems.nonNegative("--session-delay-ratio", c.turnDelayRatio, 1.0);
        Integer blockSize = p.islBlockSize == null ? null : problems.atLeast("--isl-block-size", p.islBlockSize, 1, 1);
        Integer maxIsl = p.synthesisMaxIsl == null ? null
                : problems.atLeast("--synthesis-max-isl", p.synthesisMaxIsl, 1, 1);
        Integer maxOsl = p.synthesisMaxOsl == null ? null
                : problems.atLeast("--synthesis-max-osl", p.synthesisMaxOsl, 1, 1);
        double speedup = problems.nonNegative("--synthesis-speedup-ratio", p.synthesisSpeedupRatio, 1.0);
        if (speedup == 0) {
            problems.add("--synthesis-speedup-ratio must be more than 0");
            speedup = 1.0;
        }
        TraceConfig trace = new TraceConfig(blockSize, maxIsl, maxOsl, speedup, in.ignoreTraceDelays);
        return new InputConfig(file, customType, sampler, in.randomSeed, batch, isl, islStd, osl, oslStd,
                p.sequenceDistribution, prefixPool, prefixLength, system, context, entries, turns, turnsStd, delay,
                delayStd, ratio).withRankings(rankings()).withTrace(trace);
    }

    /**
     * The rankings settings (spec §1.3 "Rankings"): only with a {@code *rankings} endpoint type, where the synthetic
     * query and passage lengths replace {@code --isl}.
     */
    private RankingsConfig rankings() {
        ProfileSettings.Rankings r = s.rankings;
        String type = s.endpoint.endpointType == null ? "chat" : s.endpoint.endpointType;
        boolean rankingsEndpoint = type.replace('-', '_').toLowerCase(Locale.ROOT).endsWith("rankings");
        if (r.anyGiven() && !rankingsEndpoint) {
            problems.add("--rankings-* options apply only to a rankings endpoint type (nim_rankings, hf_tei_rankings,"
                    + " cohere_rankings); --endpoint-type is " + type);
        }
        if (rankingsEndpoint && (s.prompt.islMean != null || s.prompt.islStddev != null)) {
            problems.add("--isl/--isl-stddev do not apply to a rankings endpoint: size its queries and passages with"
                    + " --rankings-query-prompt-token-mean and --rankings-passages-prompt-token-mean");
        }
        RankingsConfig d = RankingsConfig.DEFAULTS;
        return new RankingsConfig(problems.atLeast("--rankings-passages-mean", r.passagesMean, 1, d.passagesMean()),
                problems.nonNegative("--rankings-passages-stddev", r.passagesStddev, d.passagesStddev()),
                problems.atLeast("--rankings-passages-prompt-token-mean", r.passageTokensMean, 1,
                        d.passageTokensMean()),
                problems.nonNegative("--rankings-passages-prompt-token-stddev", r.passageTokensStddev,
                        d.passageTokensStddev()),
                problems.atLeast("--rankings-query-prompt-token-mean", r.queryTokensMean, 1, d.queryTokensMean()),
                problems.nonNegative("--rankings-query-prompt-token-stddev", r.queryTokensStddev,
                        d.queryTokensStddev()));
    }

    /** {@code --public-dataset}: a registered public dataset loader reading the local {@code --input-file}. */
    String publicDataset() {
        ProfileSettings.Input in = s.input;
        if (in.publicDataset == null) {
            return null;
        }
        String name = problems.pluginName("--public-dataset", PluginType.PUBLIC_DATASET_LOADER, in.publicDataset);
        if (in.inputFile == null) {
            problems.add("--public-dataset " + in.publicDataset + " reads a local copy of the dataset: also give"
                    + " --input-file FILE (nothing is downloaded; for sharegpt the file is "
                    + ShareGptDatasetLoader.FILE_NAME + ")");
        }
        if (in.customDatasetType != null) {
            problems.add("--public-dataset and --custom-dataset-type cannot be used together: the public dataset"
                    + " decides the format");
        }
        return name;
    }

    /** {@code --cache-bust}: a known position, or null for none. */
    String cacheBust() {
        if (s.prompt.cacheBust == null) {
            return null;
        }
        try {
            String position = CacheBust.position(s.prompt.cacheBust);
            return position.equals("none") ? null : position;
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
