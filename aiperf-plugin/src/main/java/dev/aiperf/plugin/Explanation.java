package dev.aiperf.plugin;

import java.util.List;

/**
 * Why a (category, name) resolves to the class it does: every entry that competed for it, in the
 * order they were registered, and each decision taken when a newcomer met the current winner.
 *
 * @param category   category name
 * @param name       type name
 * @param winner     the entry a lookup by name returns
 * @param candidates every entry registered under this name, in registration order (the winner included)
 * @param decisions  one decision per candidate after the first, in registration order
 */
public record Explanation(String category, String name, TypeEntry winner, List<TypeEntry> candidates,
                          List<Decision> decisions) {

    public Explanation {
        candidates = List.copyOf(candidates);
        decisions = List.copyOf(decisions);
    }

    /** True when more than one entry competed for this name. */
    public boolean contested() {
        return candidates.size() > 1;
    }

    /**
     * One comparison: a newly registered entry (challenger) against the entry that was winning.
     *
     * @param challenger    the entry being registered
     * @param incumbent     the entry that was winning before
     * @param rule          the rule that decided
     * @param challengerWon true when the challenger replaced the incumbent
     */
    public record Decision(TypeEntry challenger, TypeEntry incumbent, ConflictRule rule, boolean challengerWon) {

        /** A one-line, human-readable account, e.g. {@code my-plugin (priority 10) beat aiperf (priority 0): PRIORITY}. */
        public String describe() {
            TypeEntry won = challengerWon ? challenger : incumbent;
            TypeEntry lost = challengerWon ? incumbent : challenger;
            return "%s [%s, priority %d] beat %s [%s, priority %d]: %s".formatted(
                    won.classPath(), won.packageName(), won.priority(),
                    lost.classPath(), lost.packageName(), lost.priority(), rule);
        }
    }
}
