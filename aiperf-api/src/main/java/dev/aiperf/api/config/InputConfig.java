package dev.aiperf.api.config;

import java.nio.file.Path;

/**
 * What to send (spec §1.3 "Input / dataset", "Prompt", "Conversation").
 *
 * @param inputFile                custom dataset file, or null for synthetic data
 * @param customDatasetType        custom loader name, or null to auto-detect
 * @param datasetSamplingStrategy  sampler name, or null for the source's default
 * @param randomSeed               root seed, or null for entropy
 * @param promptBatchSize          text items per request
 * @param islMean                  mean synthetic prompt length in tokens
 * @param islStddev                its standard deviation
 * @param oslMean                  mean requested output length, or null to send no max tokens
 * @param oslStddev                its standard deviation
 * @param sequenceDistribution     {@code --seq-dist} text, or null
 * @param numPrefixPrompts         size of the prefix prompt pool
 * @param prefixPromptLength       tokens per prefix prompt
 * @param sharedSystemPromptLength tokens of the shared system prompt, or null
 * @param userContextPromptLength  tokens of each conversation's user context, or null
 * @param numDatasetEntries        conversations to build
 * @param sessionTurnsMean         mean turns per conversation
 * @param sessionTurnsStddev       its standard deviation
 * @param turnDelayMean            mean think time between turns, ms
 * @param turnDelayStddev          its standard deviation
 * @param turnDelayRatio           multiplier applied to delays
 * @param publicDataset            public dataset name ({@code --public-dataset}, e.g. {@code sharegpt}), or null
 * @param image                    synthetic images ({@link ImageConfig#NONE} for none)
 * @param audio                    synthetic audio ({@link AudioConfig#NONE} for none)
 * @param video                    synthetic videos ({@link VideoConfig#NONE} for none)
 * @param rankings                 the synthetic rankings dataset ({@code *rankings} endpoints)
 * @param trace                    how trace datasets are replayed ({@link TraceConfig#DEFAULT} for the defaults)
 * @param cacheBust                {@code --cache-bust}: where each conversation gets a unique {@code [rid:…]} marker
 *                                 ({@code system_prefix}, {@code system_suffix}, {@code first_turn_prefix},
 *                                 {@code first_turn_suffix}), or null for none
 */
public record InputConfig(Path inputFile, String customDatasetType, String datasetSamplingStrategy, Long randomSeed,
                          int promptBatchSize, int islMean, double islStddev, Integer oslMean, double oslStddev,
                          String sequenceDistribution, int numPrefixPrompts, int prefixPromptLength,
                          Integer sharedSystemPromptLength, Integer userContextPromptLength, int numDatasetEntries,
                          int sessionTurnsMean, double sessionTurnsStddev, double turnDelayMean,
                          double turnDelayStddev, double turnDelayRatio, String publicDataset, ImageConfig image,
                          AudioConfig audio, VideoConfig video, RankingsConfig rankings, TraceConfig trace,
                          String cacheBust) {

    public InputConfig {
        image = image == null ? ImageConfig.NONE : image;
        audio = audio == null ? AudioConfig.NONE : audio;
        video = video == null ? VideoConfig.NONE : video;
        rankings = rankings == null ? RankingsConfig.DEFAULTS : rankings;
        trace = trace == null ? TraceConfig.DEFAULT : trace;
    }

    /** The shape before trace settings and {@code cacheBust}, kept so existing code compiles. */
    public InputConfig(Path inputFile, String customDatasetType, String datasetSamplingStrategy, Long randomSeed,
                       int promptBatchSize, int islMean, double islStddev, Integer oslMean, double oslStddev,
                       String sequenceDistribution, int numPrefixPrompts, int prefixPromptLength,
                       Integer sharedSystemPromptLength, Integer userContextPromptLength, int numDatasetEntries,
                       int sessionTurnsMean, double sessionTurnsStddev, double turnDelayMean,
                       double turnDelayStddev, double turnDelayRatio, String publicDataset, ImageConfig image,
                       AudioConfig audio, VideoConfig video, RankingsConfig rankings) {
        this(inputFile, customDatasetType, datasetSamplingStrategy, randomSeed, promptBatchSize, islMean, islStddev,
                oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio, publicDataset, image, audio, video,
                rankings, TraceConfig.DEFAULT, null);
    }

    /** Without a cache-bust marker: the shape before {@code cacheBust}, kept so existing code compiles. */
    public InputConfig(Path inputFile, String customDatasetType, String datasetSamplingStrategy, Long randomSeed,
                       int promptBatchSize, int islMean, double islStddev, Integer oslMean, double oslStddev,
                       String sequenceDistribution, int numPrefixPrompts, int prefixPromptLength,
                       Integer sharedSystemPromptLength, Integer userContextPromptLength, int numDatasetEntries,
                       int sessionTurnsMean, double sessionTurnsStddev, double turnDelayMean,
                       double turnDelayStddev, double turnDelayRatio, String publicDataset, ImageConfig image,
                       AudioConfig audio, VideoConfig video, RankingsConfig rankings, TraceConfig trace) {
        this(inputFile, customDatasetType, datasetSamplingStrategy, randomSeed, promptBatchSize, islMean, islStddev,
                oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio, publicDataset, image, audio, video,
                rankings, trace, null);
    }

    /** With the rankings defaults. */
    public InputConfig(Path inputFile, String customDatasetType, String datasetSamplingStrategy, Long randomSeed,
                       int promptBatchSize, int islMean, double islStddev, Integer oslMean, double oslStddev,
                       String sequenceDistribution, int numPrefixPrompts, int prefixPromptLength,
                       Integer sharedSystemPromptLength, Integer userContextPromptLength, int numDatasetEntries,
                       int sessionTurnsMean, double sessionTurnsStddev, double turnDelayMean,
                       double turnDelayStddev, double turnDelayRatio, String publicDataset, ImageConfig image,
                       AudioConfig audio, VideoConfig video) {
        this(inputFile, customDatasetType, datasetSamplingStrategy, randomSeed, promptBatchSize, islMean, islStddev,
                oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio, publicDataset, image, audio, video,
                RankingsConfig.DEFAULTS, TraceConfig.DEFAULT, null);
    }

    /** A text-only configuration without a public dataset: the shape before media, kept so existing code compiles. */
    public InputConfig(Path inputFile, String customDatasetType, String datasetSamplingStrategy, Long randomSeed,
                       int promptBatchSize, int islMean, double islStddev, Integer oslMean, double oslStddev,
                       String sequenceDistribution, int numPrefixPrompts, int prefixPromptLength,
                       Integer sharedSystemPromptLength, Integer userContextPromptLength, int numDatasetEntries,
                       int sessionTurnsMean, double sessionTurnsStddev, double turnDelayMean,
                       double turnDelayStddev, double turnDelayRatio) {
        this(inputFile, customDatasetType, datasetSamplingStrategy, randomSeed, promptBatchSize, islMean, islStddev,
                oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio, null, ImageConfig.NONE,
                AudioConfig.NONE, VideoConfig.NONE);
    }

    /** The same configuration with these synthetic media settings. */
    public InputConfig withMedia(ImageConfig newImage, AudioConfig newAudio, VideoConfig newVideo) {
        return copy(randomSeed, publicDataset, newImage, newAudio, newVideo, rankings, trace, cacheBust);
    }

    /** The same configuration reading this public dataset. */
    public InputConfig withPublicDataset(String name) {
        return copy(randomSeed, name, image, audio, video, rankings, trace, cacheBust);
    }

    /** The same configuration with these synthetic rankings settings. */
    public InputConfig withRankings(RankingsConfig newRankings) {
        return copy(randomSeed, publicDataset, image, audio, video, newRankings, trace, cacheBust);
    }

    /** The same input with another root seed (every run of a study sends the same workload with one). */
    public InputConfig withRandomSeed(Long seed) {
        return copy(seed, publicDataset, image, audio, video, rankings, trace, cacheBust);
    }

    /** The same configuration with this {@code --cache-bust} position (null for none). */
    public InputConfig withCacheBust(String position) {
        return copy(randomSeed, publicDataset, image, audio, video, rankings, trace, position);
    }

    /** The same configuration with these trace replay settings. */
    public InputConfig withTrace(TraceConfig newTrace) {
        return copy(randomSeed, publicDataset, image, audio, video, rankings, newTrace, cacheBust);
    }

    /** This configuration with the components the with-methods change given anew: the one place they copy the rest. */
    private InputConfig copy(Long newRandomSeed, String newPublicDataset, ImageConfig newImage, AudioConfig newAudio,
                             VideoConfig newVideo, RankingsConfig newRankings, TraceConfig newTrace,
                             String newCacheBust) {
        return new InputConfig(inputFile, customDatasetType, datasetSamplingStrategy, newRandomSeed, promptBatchSize,
                islMean, islStddev, oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio, newPublicDataset, newImage,
                newAudio, newVideo, newRankings, newTrace, newCacheBust);
    }
}
