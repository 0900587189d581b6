package dev.aiperf.timing;

import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.timing.ScheduledSession;
import dev.aiperf.api.timing.SendPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plans of the scheduled strategies (spec §2.8, §2.9), run on a virtual clock. */
class ScheduledStrategiesTest {
    private static final long MS = 1_000_000L;
    private static final long START = 1_000 * MS;

    /** A send plan on a virtual clock: timers run in time order when {@link #runUntil} says. */
    private static final class VirtualPlan implements SendPlan {
        final List<Conversation> dataset;
        final List<String> log = new ArrayList<>();
        final PriorityQueue<long[]> order = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        final List<Runnable> actions = new ArrayList<>();
        long requests = -1;
        long sessions = -1;
        int sampled;

        VirtualPlan(List<Conversation> dataset) {
            this.dataset = dataset;
        }

        void runUntil(long ns) {
            while (!order.isEmpty() && order.peek()[0] <= ns) {
                actions.get((int) order.poll()[1]).run();
            }
        }

        @Override
        public long phaseStartPerfNs() {
            return START;
        }

        @Override
        public List<Conversation> conversations() {
            return dataset;
        }

        @Override
        public Conversation sampleConversation() {
            return dataset.get(sampled++ % dataset.size());
        }

        @Override
        public void at(long atPerfNs, Runnable action) {
            order.add(new long[] {atPerfNs, actions.size()});
            actions.add(action);
        }

        @Override
        public ScheduledSession startSession(Conversation conversation, int turnCount, String correlationId,
                                             long intendedPerfNs) {
            log.add("start " + conversation.sessionId() + " x" + turnCount + " user " + correlationId + " at "
                    + (intendedPerfNs - START) / MS);
            return new FakeSession(conversation, turnCount, correlationId);
        }

        @Override
        public void sendNextTurn(ScheduledSession session, long intendedPerfNs) {
            log.add("next " + session.conversation().sessionId() + " turn " + session.nextTurnIndex() + " at "
                    + (intendedPerfNs - START) / MS);
        }

        @Override
        public void planTotals(long totalRequests, long totalSessions) {
            requests = totalRequests;
            sessions = totalSessions;
        }
    }

    private record FakeSession(Conversation conversation, int turnCount, String correlationId, int nextTurnIndex)
            implements ScheduledSession {
        FakeSession(Conversation conversation, int turnCount, String correlationId) {
            this(conversation, turnCount, correlationId, 1);
        }
    }

    private static Conversation conversation(String id, Long firstTimestamp, Turn... later) {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn(null, null, firstTimestamp, null, null, List.of(new Turn.Text("text", List.of(id)))));
        turns.addAll(List.of(later));
        return new Conversation(id, turns, null, null);
    }

    private static Turn turn(Long timestampMs, Long delayMs) {
        return new Turn(null, null, timestampMs, delayMs, null, List.of(new Turn.Text("text", List.of("later"))));
    }

    @Test
    void aReplayKeepsTheEntriesWithinTheOffsetsAndStartsEachAtItsTimestamp() {
        List<Conversation> dataset = List.of(conversation("c", 3_000L), conversation("a", 1_000L),
                conversation("b", 2_000L, turn(null, 50L)), conversation("late", 9_000L));
        FixedScheduleStrategy replay = new FixedScheduleStrategy(LoadShapeConfig.NONE.withFixedSchedule(false, 1_500L,
                5_000L));
        VirtualPlan plan = new VirtualPlan(dataset);

        replay.start(plan);
        plan.runUntil(Long.MAX_VALUE);

        // Zero is the start offset; "a" and "late" are outside the offsets.
        assertThat(plan.log).containsExactly("start b x2 user null at 500", "start c x1 user null at 1500");
        assertThat(plan.requests).isEqualTo(3);
        assertThat(plan.sessions).isEqualTo(2);
    }

    @Test
    void autoOffsetMakesTheFirstKeptTimestampZeroAndLaterTurnsUseTheirTimestampOrDelay() {
        Conversation session = conversation("s", 10_000L, turn(10_400L, null), turn(null, 30L));
        FixedScheduleStrategy replay = new FixedScheduleStrategy(LoadShapeConfig.NONE.withFixedSchedule(true, null, null));
        VirtualPlan plan = new VirtualPlan(List.of(session));
        replay.start(plan);
        plan.runUntil(Long.MAX_VALUE);
        assertThat(plan.log).containsExactly("start s x3 user null at 0");

        // Turn 1 has a timestamp 400 ms after the first: it goes then, or at once when the answer came later.
        replay.onTurnReturned(new FakeSession(session, 3, null, 1), START + 100 * MS, plan);
        replay.onTurnReturned(new FakeSession(session, 3, null, 1), START + 700 * MS, plan);
        // Turn 2 has a 30 ms delay after the answer.
        replay.onTurnReturned(new FakeSession(session, 3, null, 2), START + 900 * MS, plan);
        assertThat(plan.log).containsExactly("start s x3 user null at 0", "next s turn 1 at 400", "next s turn 1 at 700",
                "next s turn 2 at 930");
    }

    @Test
    void aReplayNeedsATimestampOnEveryFirstTurn() {
        FixedScheduleStrategy replay = new FixedScheduleStrategy(LoadShapeConfig.NONE.withFixedSchedule(false, null, null));
        assertThatThrownBy(() -> replay.checkDataset(List.of(conversation("x", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has none");
        assertThatThrownBy(() -> new FixedScheduleStrategy(LoadShapeConfig.NONE.withFixedSchedule(false, 5L, 6L))
                .checkDataset(List.of(conversation("x", 1L)))).hasMessageContaining("no entry has a timestamp between");
    }

    @Test
    void userCentricUsersStartAgedAndStaggeredAndAreReplacedWhenTheirTurnsAreUsedUp() {
        // 4 users at 8 requests/s: gap 500 ms, stagger 125 ms; 3 turns per conversation, so L = 2.
        List<Conversation> dataset = List.of(conversation("a", null, turn(null, null), turn(null, null)));
        UserCentricRateStrategy users = new UserCentricRateStrategy(LoadShapeConfig.NONE.withUserCentricRate(8.0, 4));
        VirtualPlan plan = new VirtualPlan(dataset);

        users.start(plan);
        plan.runUntil(START + 999 * MS);

        // gcd(4, 2) = 2: alternate spacing with step 3. User i: age (4-i)*2, remaining 2 - age/4.
        // i=0: age 8, remaining 0 -> id 1 used up; i=1: age 6, remaining 1, slot 3 -> order 1;
        // i=2: age 4, remaining 1, slot 2 -> order 2; i=3: age 2, remaining 2, slot 1 -> order 3; then a fresh user.
        assertThat(plan.log.subList(0, 4)).containsExactly("start a x3 user 5 at 0", "start a x1 user 2 at 125",
                "start a x1 user 3 at 250", "start a x2 user 4 at 375");
        // Replacements come when a user's turns are used up: user 2 (1 turn) at 125 + 500, with the next id.
        assertThat(plan.log).contains("start a x3 user 6 at 625");
    }

    @Test
    void aUserWaitsForTheAnswerButNeverGoesBeforeItsGap() {
        List<Conversation> dataset = List.of(conversation("a", null, turn(null, null), turn(null, null)));
        UserCentricRateStrategy users = new UserCentricRateStrategy(LoadShapeConfig.NONE.withUserCentricRate(2.0, 1));
        VirtualPlan plan = new VirtualPlan(dataset);
        users.start(plan);
        plan.runUntil(START);
        // One user with L = 2: user 1 has virtually finished, so user 2 starts with a full conversation.
        assertThat(plan.log).containsExactly("start a x3 user 2 at 0");
        FakeSession session = new FakeSession(dataset.getFirst(), 3, "2", 1);

        // Gap 500 ms: a fast answer waits for the gap (no plan was recorded for this fake: it counts from the answer).
        users.onTurnReturned(session, START + 100 * MS, plan);
        assertThat(plan.log.getLast()).isEqualTo("next a turn 1 at 600");
    }

    @Test
    void theCoprimeStepIsTheSmallestAboveOne() {
        assertThat(UserCentricRateStrategy.coprimeStep(4)).isEqualTo(3);
        assertThat(UserCentricRateStrategy.coprimeStep(9)).isEqualTo(2);
        assertThat(UserCentricRateStrategy.coprimeStep(2)).isEqualTo(1);
    }

    @Test
    void thePoissonRampStepsEquallyAndEndsExactlyAtItsTarget() {
        PoissonRamp ramp = new PoissonRamp(1, 9, 4.0);
        assertThat(ramp.valueAt(0)).isEqualTo(1.0);
        assertThat(ramp.valueAt(4.0)).isEqualTo(9.0);
        double previous = 1;
        for (double t = 0; t < 4; t += 0.01) {
            double v = ramp.valueAt(t);
            assertThat(v).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(9);
            previous = v;
        }
        assertThat(ramp.steps()).isPositive();
        // The same parameters give the same steps.
        assertThat(new PoissonRamp(1, 9, 4.0).valueAt(2.0)).isEqualTo(ramp.valueAt(2.0));
        assertThat(ramp.timeOf(9)).isLessThanOrEqualTo(4.0);
    }
}
