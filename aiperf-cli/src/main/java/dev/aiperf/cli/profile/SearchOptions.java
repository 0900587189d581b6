package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options of the SLA search (upstream §3.12, §4.3): the highest load that still meets the SLAs. */
public final class SearchOptions {

    @Option(names = "--search-recipe", paramLabel = "<recipe>",
            description = "Named search: max-concurrency-under-sla (the highest concurrency or rate whose runs meet"
                    + " every SLA: --goodput, --search-sla, --ttft-sla-ms, ...).")
    String recipe;

    @Option(names = "--search-style", paramLabel = "<style>",
            description = "How max-concurrency-under-sla searches: monotonic (probe up by doubling, then bisect)."
                    + " Upstream's default smooth_isotonic is not available here; monotonic is the default.")
    String style;

    @Option(names = "--search-planner", paramLabel = "<planner>",
            description = "Planner of the search: monotonic_sla (the one available here).")
    String planner;

    @Option(names = "--search-space", paramLabel = "<path:lo,hi[:int]>",
            description = "The searched dimension and its range, e.g. concurrency:1,64 or request_rate:1,50"
                    + " (default: concurrency from --concurrency-min to --concurrency-max).")
    String space;

    @Option(names = "--search-max-iterations", paramLabel = "<n>",
            description = "Most probes (2-200; default 20); each runs --num-profile-runs benchmarks.")
    Integer maxIterations;

    @Option(names = "--search-sla", paramLabel = "<tag:stat:op:threshold>",
            description = "An SLA, e.g. time_to_first_token:p95:le:200 (op lt, le, gt or ge; threshold in the"
                    + " metric's unit). Repeatable.")
    List<String> sla = new ArrayList<>();

    @Option(names = "--slo-attainment-fraction", paramLabel = "<f>",
            description = "With --goodput: share of requests that must meet every SLO (default: 0.95).")
    Double sloAttainmentFraction;

    @Option(names = "--ttft-sla-ms", paramLabel = "<ms>", description = "SLA on p95 time to first token.")
    Double ttftSlaMs;

    @Option(names = "--itl-sla-ms", paramLabel = "<ms>", description = "SLA on p95 inter-token latency.")
    Double itlSlaMs;

    @Option(names = "--tpot-sla-ms", paramLabel = "<ms>",
            description = "SLA on p95 time per output token (= inter_token_latency); streaming only.")
    Double tpotSlaMs;

    @Option(names = "--e2e-sla-ms", paramLabel = "<ms>", description = "SLA on p99 request latency.")
    Double e2eSlaMs;

    @Option(names = "--concurrency-min", paramLabel = "<n>",
            description = "Lowest concurrency of a concurrency search (default: 1).")
    Integer concurrencyMin;

    @Option(names = "--concurrency-max", paramLabel = "<n>",
            description = "Highest concurrency of a concurrency search (default: 1000).")
    Integer concurrencyMax;
}
