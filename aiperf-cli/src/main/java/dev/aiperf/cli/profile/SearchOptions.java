package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options of the SLA search (upstream §3.12, §4.3): the highest load that still meets the SLAs. */
public final class SearchOptions {

    @Option(names = "--search-recipe", paramLabel = "<recipe>",
            description = "Named search: max-concurrency-under-sla (the highest concurrency or rate whose runs meet"
                    + " every SLA: --goodput, --search-sla, --ttft-sla-ms, ...), concurrency-ramp (the latency knee),"
                    + " prefill-ttft-curve (TTFT vs input length), decode-itl-curve (ITL over concurrency x output"
                    + " length), pareto-sweep (the TTFT/throughput frontier of --isl-osl-pairs); docs/studies.md.")
    String recipe;

    @Option(names = "--search-style", paramLabel = "<style>",
            description = "How max-concurrency-under-sla searches: monotonic (probe up by doubling, then bisect) or"
                    + " grid (every concurrency of a log-spaced grid, then the SLA boundary). Upstream's default"
                    + " smooth_isotonic is not available here; monotonic is the default.")
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

    @Option(names = "--search-metric", paramLabel = "<tag>",
            description = "max-concurrency-under-sla: the metric that picks the best value among those meeting the"
                    + " SLAs, e.g. output_token_throughput (default: request_throughput); needs --search-direction.")
    String metric;

    @Option(names = "--search-stat", paramLabel = "<stat>",
            description = "Statistic of --search-metric: avg, p50, p90, p95 or p99 (default: avg).")
    String stat;

    @Option(names = "--search-direction", paramLabel = "<direction>",
            description = "maximize or minimize --search-metric.")
    String direction;

    @Option(names = "--search-sla", paramLabel = "<tag:stat:op:threshold>",
            description = "An SLA, e.g. time_to_first_token:p95:le:200 (op lt, le, gt or ge; threshold in the"
                    + " metric's unit). Repeatable.")
    List<String> sla = new ArrayList<>();

    @Option(names = "--slo-attainment-fraction", paramLabel = "<f>",
            description = "With --goodput: share of requests that must meet every SLO (default: 0.95).")
    Double sloAttainmentFraction;

    @Option(names = "--ttft-sla-ms", paramLabel = "<ms>", description = "SLA: p95 time to first token under this.")
    Double ttftSlaMs;

    @Option(names = "--itl-sla-ms", paramLabel = "<ms>", description = "SLA: p95 inter-token latency under this.")
    Double itlSlaMs;

    @Option(names = "--tpot-sla-ms", paramLabel = "<ms>",
            description = "SLA: p95 time per output token (= inter_token_latency, the same SLA as --itl-sla-ms)"
                    + " under this; streaming only.")
    Double tpotSlaMs;

    @Option(names = "--e2e-sla-ms", paramLabel = "<ms>", description = "SLA: p99 request latency under this.")
    Double e2eSlaMs;

    @Option(names = "--error-rate-sla", paramLabel = "<fraction>",
            description = "SLA on the share of failed requests, a fraction (0.01: under 1 %%).")
    Double errorRateSla;

    @Option(names = "--concurrency-min", paramLabel = "<n>",
            description = "Lowest concurrency of a concurrency search, of concurrency-ramp and of decode-itl-curve"
                    + " (default: 1).")
    Integer concurrencyMin;

    @Option(names = "--concurrency-max", paramLabel = "<n>",
            description = "Highest concurrency of a concurrency search and of concurrency-ramp (default: 1000), of"
                    + " decode-itl-curve (default: 200).")
    Integer concurrencyMax;
}
