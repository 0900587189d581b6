package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options of the "Input" group (spec §1.3): what is sent and how results are judged. */
public final class InputOptions {

    @Option(names = "--extra-inputs", arity = "1..*", paramLabel = "<kv>",
            description = "Fields merged last into every payload: key:value[,key:value] or a JSON object.")
    List<String> extraInputs = new ArrayList<>();

    @Option(names = {"--header", "-H"}, arity = "1..*", paramLabel = "<kv>",
            description = "Extra HTTP headers: key:value[,key:value] or a JSON object.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--input-file", paramLabel = "<path>", description = "Custom dataset file, or directory (random_pool).")
    Path inputFile;

    @Option(names = "--custom-dataset-type", paramLabel = "<type>",
            description = "Custom dataset format: single_turn, multi_turn, random_pool, mooncake_trace,"
                    + " bailian_trace, burst_gpt_trace or a plugin's (default: detected from the file).")
    String customDatasetType;

    @Option(names = "--public-dataset", paramLabel = "<name>",
            description = "Public dataset read from the local file given with --input-file, e.g. sharegpt"
                    + " (nothing is downloaded).")
    String publicDataset;

    @Option(names = "--ignore-trace-delays",
            description = "Trace datasets: drop the rows' timestamps and delays, so turns run back to back.")
    boolean ignoreTraceDelays;

    @Option(names = "--dataset-sampling-strategy", paramLabel = "<strategy>",
            description = "sequential, random or shuffle (default: depends on the dataset).")
    String datasetSamplingStrategy;

    @Option(names = "--random-seed", paramLabel = "<seed>",
            description = "Root seed: same seed, same dataset, intervals and sampling order.")
    Long randomSeed;

    @Option(names = "--goodput", paramLabel = "<slos>",
            description = "SLOs as space-separated metric:value pairs, e.g. \"request_latency:250 inter_token_latency:10\".")
    String goodput;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Input s) {
        s.extraInputs = extraInputs;
        s.headers = headers;
        s.inputFile = inputFile;
        s.customDatasetType = customDatasetType;
        s.publicDataset = publicDataset;
        s.ignoreTraceDelays = ignoreTraceDelays;
        s.datasetSamplingStrategy = datasetSamplingStrategy;
        s.randomSeed = randomSeed;
        s.goodput = goodput;
    }
}
