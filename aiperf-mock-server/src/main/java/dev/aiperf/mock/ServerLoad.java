package dev.aiperf.mock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the mock is doing right now, as a vLLM server would count it, for its {@code /metrics} page and the DCGM
 * pages: requests waiting for their first token and running (decoding), prompt and generated token counters,
 * a prefix cache over the prompts it saw, the KV cache the requests in flight would hold, and histograms of its own
 * TTFT and request latency. Updated from the event loops with lock-free counters (a few per request).
 */
final class ServerLoad {
    /** The KV cache the usage gauge is relative to, in tokens. */
    static final long KV_CACHE_TOKENS = 131_072;
    /** Prefix-cache block size in prompt characters (about 16 tokens of ~4 characters). */
    private static final int BLOCK_CHARS = 64;
    /** Blocks remembered before the cache is emptied (a crude eviction, bounded memory). */
    private static final int MAX_BLOCKS = 200_000;

    final AtomicInteger waiting = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final LongAdder promptTokens = new LongAdder();
    final LongAdder generationTokens = new LongAdder();
    final LongAdder finishedStop = new LongAdder();
    final LongAdder finishedLength = new LongAdder();
    final LongAdder finishedAbort = new LongAdder();
    final LongAdder prefixQueries = new LongAdder();
    final LongAdder prefixHits = new LongAdder();
    final AtomicLong kvTokens = new AtomicLong();
    final LatencyHistogram ttft = new LatencyHistogram(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5,
            0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0);
    final LatencyHistogram e2e = new LatencyHistogram(0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0,
            40.0, 50.0, 60.0, 120.0, 240.0, 480.0);
    final LatencyHistogram itl = new LatencyHistogram(0.001, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075,
            0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);
    private final ConcurrentHashMap<Long, Boolean> prefixBlocks = new ConcurrentHashMap<>();
    volatile String modelName = "mock-model";

    /** One request from arrival to its end; every transition happens once, whatever order the events come in. */
    final class Ticket {
        private final long arrivalNanos;
        private final long promptTokenCount;
        private long generated;
        private long firstTokenNanos;
        private boolean started;
        private boolean ended;

        private Ticket(long arrivalNanos, long promptTokenCount) {
            this.arrivalNanos = arrivalNanos;
            this.promptTokenCount = promptTokenCount;
        }

        /** Tokens went out; the first call also ends the wait (TTFT). */
        void tokensSent(int count, long nowNanos) {
            if (ended || count <= 0) {
                return;
            }
            if (!started) {
                started = true;
                firstTokenNanos = nowNanos;
                waiting.decrementAndGet();
                running.incrementAndGet();
                ttft.observe((nowNanos - arrivalNanos) / 1e9);
            }
            generated += count;
            generationTokens.add(count);
            kvTokens.addAndGet(count);
        }

        /** The last token went out: a success, stopped or cut at {@code max_tokens}. */
        void finished(long nowNanos, boolean atLength) {
            if (end()) {
                double seconds = (nowNanos - arrivalNanos) / 1e9;
                e2e.observe(seconds);
                if (generated > 1) {
                    itl.observe((nowNanos - firstTokenNanos) / 1e9 / (generated - 1));
                }
                (atLength ? finishedLength : finishedStop).increment();
            }
        }

        /** The client went away or a fault cut the response. */
        void aborted() {
            if (end()) {
                finishedAbort.increment();
            }
        }

        private boolean end() {
            if (ended) {
                return false;
            }
            ended = true;
            (started ? running : waiting).decrementAndGet();
            kvTokens.addAndGet(-(promptTokenCount + generated));
            return true;
        }
    }

    /** A completion request was accepted: it waits for its first token. */
    Ticket arrived(String model, String promptText, int promptTokenCount, long arrivalNanos) {
        if (model != null && !model.isEmpty() && "mock-model".equals(modelName)) {
            modelName = model;
        }
        waiting.incrementAndGet();
        promptTokens.add(promptTokenCount);
        kvTokens.addAndGet(promptTokenCount);
        prefixQueries.add(promptTokenCount);
        prefixHits.add(cachedTokens(promptText, promptTokenCount));
        return new Ticket(arrivalNanos, promptTokenCount);
    }

    /**
     * Prompt tokens whose prefix was seen before: the prompt is cut into blocks whose hash chains over all the
     * blocks before it (as vLLM's prefix cache does), and blocks are hits until the first one never seen.
     */
    private long cachedTokens(String text, int promptTokenCount) {
        if (text == null || text.length() < BLOCK_CHARS || promptTokenCount == 0) {
            return 0;
        }
        if (prefixBlocks.size() > MAX_BLOCKS) {
            prefixBlocks.clear();
        }
        int blocks = text.length() / BLOCK_CHARS;
        long hash = 1125899906842597L;
        int hits = 0;
        boolean missed = false;
        for (int b = 0; b < blocks; b++) {
            for (int i = b * BLOCK_CHARS; i < (b + 1) * BLOCK_CHARS; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            boolean seen = prefixBlocks.putIfAbsent(hash, Boolean.TRUE) != null;
            if (seen && !missed) {
                hits++;
            } else {
                missed = true;
            }
        }
        return Math.min(promptTokenCount, Math.round((double) hits * BLOCK_CHARS * promptTokenCount / text.length()));
    }

    /** Forgets every prompt seen: the next ones miss the prefix cache. */
    void resetPrefixCache() {
        prefixBlocks.clear();
    }

    /** KV-cache use as a fraction of {@link #KV_CACHE_TOKENS}. */
    double kvCacheUsage() {
        return Math.min(1.0, Math.max(0, kvTokens.get()) / (double) KV_CACHE_TOKENS);
    }
}
