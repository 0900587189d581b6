package dev.aiperf.study;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class MonotonicSlaPlannerTest {

    /** Runs the planner against an SLA that holds exactly up to {@code limit}. */
    private static List<SlaProbe> search(long low, long high, int iterations, LongPredicate holds) {
        MonotonicSlaPlanner planner = new MonotonicSlaPlanner(low, high, iterations);
        List<SlaProbe> history = new ArrayList<>();
        for (OptionalLong next = planner.next(history); next.isPresent(); next = planner.next(history)) {
            long v = next.getAsLong();
            history.add(new SlaProbe(history.size(), v, holds.test(v), List.of(), null,
                    new CellResult("c", java.util.Map.of(), List.of(), List.of()), null));
        }
        return history;
    }

    @Test
    void doublesThenBisectsToTheLastPassingValue() {
        List<SlaProbe> probes = search(1, 1000, 30, v -> v <= 37);
        assertThat(probes.stream().map(SlaProbe::value).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 48L, 40L, 36L, 38L, 37L);
        assertThat(MonotonicSlaPlanner.highestPassing(probes)).isEqualTo(37);
        assertThat(MonotonicSlaPlanner.lowestFailing(probes)).isEqualTo(38);
        assertThat(new MonotonicSlaPlanner(1, 1000, 30).convergenceReason(probes)).isEqualTo("bracket_closed");
    }

    @Test
    void reportsBothEndsAndTheIterationCap() {
        assertThat(search(1, 20, 30, v -> true).stream().map(SlaProbe::value).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 20L);
        List<SlaProbe> none = search(4, 20, 30, v -> false);
        assertThat(none).hasSize(1);
        assertThat(new MonotonicSlaPlanner(4, 20, 30).convergenceReason(none)).isEqualTo("lower_bound_fails");
        List<SlaProbe> capped = search(1, 1000, 5, v -> v <= 300);
        assertThat(capped).hasSize(5);
        assertThat(new MonotonicSlaPlanner(1, 1000, 5).convergenceReason(capped)).isEqualTo("max_iterations");
    }
}
