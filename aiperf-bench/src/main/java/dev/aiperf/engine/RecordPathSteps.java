package dev.aiperf.engine;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.record.MetricRecord;

import java.lang.management.ManagementFactory;

/**
 * {@link RecordPathBenchmark}'s traced steps one at a time, with and without an HTTP trace: this thread's CPU and
 * allocated bytes per record for computing the metrics, formatting the {@code profile_export.jsonl} line and
 * pooling the values for the statistics (what tracing adds to each). JMH times the whole path; this says where the
 * difference goes, and its byte counts are steady even on a loaded machine.
 *
 * <pre>
 * java -cp aiperf-bench/target/benchmarks.jar dev.aiperf.engine.RecordPathSteps [records per pass, 100000]
 * </pre>
 */
public final class RecordPathSteps {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RecordPathSteps() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (boolean trace : new boolean[]{true, false, true, false}) {
            RecordPathBenchmark path = new RecordPathBenchmark();
            path.trace = trace;
            path.setUp();
            long[] bytes = new long[3];
            long[] cpu = new long[3];
            for (int pass = 0; pass < 2; pass++) { // the first pass warms up
                java.util.Arrays.fill(bytes, 0);
                java.util.Arrays.fill(cpu, 0);
                for (int i = 0; i < n; i++) {
                    ParsedResponseRecord parsed = path.parser.parse(path.records[i % path.records.length]);
                    long b0 = THREADS.getCurrentThreadAllocatedBytes();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    MetricRecord values = path.metrics.processRecord(parsed);
                    long b1 = THREADS.getCurrentThreadAllocatedBytes();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    byte[] line = path.jsonl.lineBytes(values, RecordWriters.WORKER_ID);
                    long b2 = THREADS.getCurrentThreadAllocatedBytes();
                    long c2 = THREADS.getCurrentThreadCpuTime();
                    path.results.addRecord(values);
                    long b3 = THREADS.getCurrentThreadAllocatedBytes();
                    long c3 = THREADS.getCurrentThreadCpuTime();
                    bytes[0] += b1 - b0;
                    bytes[1] += b2 - b1;
                    bytes[2] += b3 - b2;
                    cpu[0] += c1 - c0;
                    cpu[1] += c2 - c1;
                    cpu[2] += c3 - c2;
                    if (line == null) {
                        throw new IllegalStateException("no line for a profiling record");
                    }
                }
            }
            System.out.printf("trace=%-5s bytes/record: metrics %6d  line %6d  pool %5d | thread CPU ns/record: "
                    + "metrics %6d  line %6d  pool %5d%n", trace, bytes[0] / n, bytes[1] / n, bytes[2] / n,
                    cpu[0] / n, cpu[1] / n, cpu[2] / n);
            path.tearDown();
        }
    }
}
