package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A trace row's {@code hash_ids} (spec §3.6), as {@code mooncake_trace} and {@code bailian_trace} both give them: whole
 * numbers, each naming one block of the block size, that must fit the row's {@code input_length}.
 */
final class TraceHashIds {

    private TraceHashIds() {
    }

    /**
     * The row's hash ids, empty when absent, checked to fit its input length.
     *
     * @param blockSize tokens per hash-id block, or 0 not to check the fit
     */
    static List<Long> read(DatasetLine line, JsonNode json, int inputLength, int blockSize) {
        List<Long> hashIds = parse(line, json);
        String misfit = blockSize == 0 ? null : misfit(inputLength, hashIds.size(), blockSize);
        if (misfit != null) {
            throw line.error("/hash_ids", misfit);
        }
        return hashIds;
    }

    private static List<Long> parse(DatasetLine line, JsonNode json) {
        JsonNode ids = json.get("hash_ids");
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw line.error("/hash_ids", "must be a list of whole numbers, got " + TurnFields.kind(ids));
        }
        List<Long> values = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isIntegralNumber() || !ids.get(i).canConvertToLong()) {
                throw line.error("/hash_ids/" + i, "must be a whole number, got " + TurnFields.kind(ids.get(i)));
            }
            values.add(ids.get(i).longValue());
        }
        return values;
    }

    /** The block-fit rule: every block but the last is full, the last holds 1 to blockSize tokens; null when met. */
    private static String misfit(int inputLength, int hashIdCount, int blockSize) {
        long last = inputLength - (long) (hashIdCount - 1) * blockSize;
        if (hashIdCount == 0 || (last > 0 && last <= blockSize)) {
            return null;
        }
        return "input_length " + inputLength + " does not fit " + hashIdCount + " hash_ids of " + blockSize
                + " tokens: it must be more than " + (long) (hashIdCount - 1) * blockSize + " and at most "
                + (long) hashIdCount * blockSize + " (block size: --isl-block-size)";
    }
}
