package dev.aiperf.engine;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.record.MetricRecord;

import java.lang.management.ManagementFactory;

/**
 * {@link RecordPathBenchmark}'s traced steps one at a time, with and without an HTTP trace: this thread's CPU and
 * allocated bytes per record for parsing the responses and counting tokens, computing the metrics, formatting the
 * {@code profile_export.jsonl} line, pooling the values for the statistics (what tracing adds to each) and the
 * client-health figures. JMH times the whole path; this says where the
 * difference goes, and its byte counts are steady even on a loaded machine.
 *
 * <pre>
 * java -cp aiperf-bench/target/benchmarks.jar dev.aiperf.engine.RecordPathSteps [records per pass, 100000]
 * </pre>
 */
public final class RecordPathSteps {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final String[] STEPS = {"parse", "metrics", "line", "pool", "timing"};

    private RecordPathSteps() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (boolean trace : new boolean[]{true, false, true, false}) {
            RecordPathBenchmark path = new RecordPathBenchmark();
            path.trace = trace;
            path.setUp();
            long[] bytes = new long[STEPS.length];
            long[] cpu = new long[STEPS.length];
            ClientTimingRecorder timing = new ClientTimingRecorder();
            for (int pass = 0; pass < 2; pass++) { // the first pass warms up
                java.util.Arrays.fill(bytes, 0);
                java.util.Arrays.fill(cpu, 0);
                for (int i = 0; i < n; i++) {
                    long b0 = THREADS.getCurrentThreadAllocatedBytes();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    ParsedResponseRecord parsed = path.parser.parse(path.records[i % path.records.length]);
                    long b1 = THREADS.getCurrentThreadAllocatedBytes();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    MetricRecord values = path.metrics.processRecord(parsed);
                    long b2 = THREADS.getCurrentThreadAllocatedBytes();
                    long c2 = THREADS.getCurrentThreadCpuTime();
                    byte[] line = path.jsonl.lineBytes(values, RecordWriters.WORKER_ID);
                    long b3 = THREADS.getCurrentThreadAllocatedBytes();
                    long c3 = THREADS.getCurrentThreadCpuTime();
                    path.results.addRecord(values);
                    long b4 = THREADS.getCurrentThreadAllocatedBytes();
                    long c4 = THREADS.getCurrentThreadCpuTime();
                    timing.add(parsed);
                    long b5 = THREADS.getCurrentThreadAllocatedBytes();
                    long c5 = THREADS.getCurrentThreadCpuTime();
                    long[] b = {b0, b1, b2, b3, b4, b5};
                    long[] c = {c0, c1, c2, c3, c4, c5};
                    for (int step = 0; step < STEPS.length; step++) {
                        bytes[step] += b[step + 1] - b[step];
                        cpu[step] += c[step + 1] - c[step];
                    }
                    if (line == null) {
                        throw new IllegalStateException("no line for a profiling record");
                    }
                }
            }
            StringBuilder report = new StringBuilder("trace=" + trace + " bytes/record:");
            for (int step = 0; step < STEPS.length; step++) {
                report.append(String.format(" %s %6d", STEPS[step], bytes[step] / n));
            }
            report.append(" | thread CPU ns/record:");
            for (int step = 0; step < STEPS.length; step++) {
                report.append(String.format(" %s %6d", STEPS[step], cpu[step] / n));
            }
            System.out.println(report);
            path.tearDown();
        }
    }
}
