package dev.aiperf.study.recipe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One workload shape of {@code pareto-sweep}: input and output length in tokens, kept paired (not crossed).
 *
 * @param isl input sequence length
 * @param osl output sequence length
 */
public record IslOslPair(int isl, int osl) {
    public IslOslPair {
        if (isl < 1 || osl < 1) {
            throw new IllegalArgumentException("ISL and OSL must be 1 or more tokens, got " + isl + "/" + osl);
        }
    }

    /**
     * Parses {@code --isl-osl-pairs}: {@code isl/osl} shapes separated by commas, e.g. {@code 128/128,512/256}.
     *
     * @throws IllegalArgumentException naming the first malformed or repeated shape
     */
    public static List<IslOslPair> parseList(String text) {
        List<IslOslPair> pairs = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] sides = part.strip().split("/", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not isl/osl (e.g. 128/128,512/256)");
            }
            try {
                pairs.add(new IslOslPair(Integer.parseInt(sides[0].strip()), Integer.parseInt(sides[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not isl/osl in whole tokens"
                        + " (e.g. 128/128,512/256)");
            }
        }
        if (new LinkedHashSet<>(pairs).size() != pairs.size()) {
            throw new IllegalArgumentException("'" + text + "' repeats a shape");
        }
        return List.copyOf(pairs);
    }

    @Override
    public String toString() {
        return isl + "/" + osl;
    }
}
