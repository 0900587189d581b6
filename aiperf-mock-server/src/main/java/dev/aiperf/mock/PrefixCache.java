package dev.aiperf.mock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for an inference server's automatic prefix cache (vLLM's), so a client sees
 * {@code usage.prompt_tokens_details.cached_tokens} move with its prompts: the prompt's tokens are cut
 * into blocks of {@value #BLOCK_TOKENS}; each full block is known by a hash of every token up to its end,
 * so a block hits only when the whole prefix before it matched. A request reports as cached the tokens
 * of its leading blocks that earlier requests had already brought in, then brings in its own. The least
 * recently used blocks are forgotten beyond {@value #CAPACITY_BLOCKS}. Shared by every connection: one
 * short lock per request.
 */
final class PrefixCache {
    static final int BLOCK_TOKENS = 16;
    static final int CAPACITY_BLOCKS = 1 << 16;

    private final Map<Long, Boolean> blocks = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > CAPACITY_BLOCKS;
        }
    };

    /** The prompt tokens (given as their text) served from the cache; the prompt's blocks are cached afterwards. */
    int cachedTokens(List<String> tokens) {
        int fullBlocks = tokens.size() / BLOCK_TOKENS;
        if (fullBlocks == 0) {
            return 0;
        }
        long[] hashes = new long[fullBlocks];
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < fullBlocks * BLOCK_TOKENS; i++) {
            String token = tokens.get(i);
            for (int c = 0; c < token.length(); c++) {
                hash = (hash ^ token.charAt(c)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1F) * 0x100000001b3L;
            if ((i + 1) % BLOCK_TOKENS == 0) {
                hashes[i / BLOCK_TOKENS] = hash;
            }
        }
        synchronized (blocks) {
            int hits = 0;
            while (hits < fullBlocks && blocks.get(hashes[hits]) != null) {
                hits++;
            }
            for (long block : hashes) {
                blocks.put(block, Boolean.TRUE);
            }
            return hits * BLOCK_TOKENS;
        }
    }
}
