package dev.aiperf.engine;

import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.RoundRobinUrlSelection;
import dev.aiperf.timing.ConcurrencyBurstArrivalPattern;
import dev.aiperf.timing.ConstantArrivalPattern;
import dev.aiperf.timing.LinearRamp;
import dev.aiperf.timing.RequestRateStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit issuer's semantics (spec §2.2–§2.5) against a scripted sender: no network, real time. */
class PhaseRunnerTest {
    private final List<RequestRecord> records = new CopyOnWriteArrayList<>();
    private final AtomicBoolean interrupt = new AtomicBoolean();

    private static LoadConfig load(Integer concurrency, Double rate, Integer count, Integer sessions, Double duration,
                                   double grace, Double concurrencyRamp) {
        String pattern = rate == null ? LoadConfig.CONCURRENCY_BURST : "constant";
        return new LoadConfig("request_rate", concurrency, rate, pattern, null, count, sessions, duration, grace, null,
                null, null, null, null, null, Double.POSITIVE_INFINITY, concurrencyRamp, null, null, null);
    }

    private static Supplier<Conversation> conversations(int turns, Long delayMs) {
        AtomicInteger n = new AtomicInteger();
        return () -> {
            int id = n.getAndIncrement();
            List<Turn> list = IntStream.range(0, turns).mapToObj(t -> new Turn(null, null, null,
                    t == 0 ? null : delayMs, null, List.of(new Turn.Text("text", List.of("c" + id + "t" + t))))).toList();
            return new Conversation("conv-" + id, list, null, null);
        };
    }

    private PhaseOutcome run(LoadConfig load, ScriptedSender sender, Supplier<Conversation> conversations) {
        return run(load, sender, conversations, null);
    }

    private PhaseOutcome run(LoadConfig load, ScriptedSender sender, Supplier<Conversation> conversations,
                             RequestCancellation cancellation) {
        return run(load, sender, conversations, cancellation, strategy -> strategy);
    }

    private PhaseOutcome run(LoadConfig load, ScriptedSender sender, Supplier<Conversation> conversations,
                             RequestCancellation cancellation, UnaryOperator<TimingStrategy> wrap) {
        ArrivalPattern pattern = load.isConcurrencyBurst() ? new ConcurrencyBurstArrivalPattern()
                : new ConstantArrivalPattern(load.requestRate());
        TimingStrategy strategy = wrap.apply(new RequestRateStrategy(Contexts.timing(
                TestConfigs.against("http://x", null).build().withLoad(load), pattern)));
        PhaseProgress progress = new PhaseProgress(CreditPhase.PROFILING, null, null);
        PhasePlan plan = new PhasePlan(CreditPhase.PROFILING, load, strategy, concurrencyRamp(load), null,
                new RoundRobinUrlSelection(2), cancellation);
        PhaseRunner runner = new PhaseRunner(plan, new PhaseRunner.Io(conversations, List.of(), sender,
                (phase, record) -> records.add(record), r -> r.responses().isEmpty() ? "" : r.responses().getFirst().text(),
                r -> true, interrupt::get,
                progress));
        return runner.run();
    }

    @Test
    void concurrencyLimitsRequestsInFlightAndTheCountStopsSending() {
        try (ScriptedSender sender = ScriptedSender.fixed(20)) {
            PhaseOutcome outcome = run(load(3, null, 12, null, null, 30, null), sender, conversations(1, null));
            assertThat(sender.sent).hasSize(12);
            assertThat(sender.maxInFlight.get()).isEqualTo(3);
            assertThat(outcome.completed()).isEqualTo(12);
            assertThat(records).hasSize(12);
            assertThat(records).extracting(r -> r.requestInfo().creditNum()).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 12).mapToObj(i -> (long) i).toList());
        }
    }

    @Test
    void atTheConcurrencyLimitARequestIsMeantToGoWhenASlotFreesNotAtTheTickThatFoundNone() {
        try (ScriptedSender sender = ScriptedSender.fixed(40)) {
            run(load(1, null, 3, null, null, 30, null), sender, conversations(1, null));

            assertThat(sender.sent).hasSize(3);
            for (int i = 1; i < 3; i++) {
                ScriptedSender.Sent previous = sender.sent.get(i - 1);
                ScriptedSender.Sent next = sender.sent.get(i);
                // The previous request took 40 ms: its slot freed no earlier than that after it went.
                assertThat(next.intendedNs() - previous.sentNs()).as("intended send of request " + i)
                        .isGreaterThanOrEqualTo(40_000_000L);
                assertThat(next.intendedNs()).isLessThanOrEqualTo(next.sentNs());
            }
        }
    }

    @Test
    void concurrencyCountsSessionsAndLaterTurnsCarryTheHistory() {
        try (ScriptedSender sender = ScriptedSender.fixed(5)) {
            run(load(2, null, null, 4, null, 30, null), sender, conversations(3, null));
            // --num-sessions lets every started session finish: 4 sessions x 3 turns.
            assertThat(sender.sent).hasSize(12);
            assertThat(sender.maxInFlight.get()).isEqualTo(2);
            var third = sender.sent.stream().filter(s -> s.info().turnIndex() == 2).findFirst().orElseThrow().info();
            assertThat(third.turns()).extracting(Turn::role).containsExactly(null, "assistant", null, "assistant", null);
            assertThat(third.turns().get(1).allTexts().getFirst()).startsWith("reply-");
            // Each session keeps its URL; sessions alternate between the two URLs.
            assertThat(sender.sent.stream().filter(s -> s.info().turnIndex() == 0).map(s -> s.info().urlIndex()))
                    .containsExactly(0, 1, 0, 1);
        }
    }

    @Test
    void theRequestCountTruncatesSessionsInFlight() {
        try (ScriptedSender sender = ScriptedSender.fixed(5)) {
            run(load(2, null, 5, null, null, 30, null), sender, conversations(3, null));
            assertThat(sender.sent).hasSize(5);
        }
    }

    @Test
    void turnDelaysHoldTheNextTurnBack() {
        try (ScriptedSender sender = ScriptedSender.fixed(1)) {
            run(load(1, null, null, 1, null, 30, null), sender, conversations(2, 80L));
            long gapMs = (sender.sent.get(1).sentNs() - sender.sent.get(0).sentNs()) / 1_000_000;
            assertThat(gapMs).isGreaterThanOrEqualTo(80);
        }
    }

    @Test
    void aConstantRateSendsOnAnAbsoluteScheduleAndRecordsIntendedTimes() {
        try (ScriptedSender sender = ScriptedSender.fixed(2)) {
            PhaseOutcome outcome = run(load(null, 200.0, 20, null, null, 30, null), sender, conversations(1, null));
            List<Long> intended = sender.sent.stream().map(ScriptedSender.Sent::intendedNs).toList();
            assertThat(intended.getFirst() - outcome.startPerfNs()).isEqualTo(5_000_000L);
            // Planned 5 ms apart; only a late scheduler (a loaded machine) may stretch a gap.
            for (int k = 1; k < intended.size(); k++) {
                assertThat(intended.get(k) - intended.get(k - 1)).isGreaterThanOrEqualTo(5_000_000L);
            }
            // Actual sends never precede the intended time.
            assertThat(sender.sent).allSatisfy(s -> assertThat(s.sentNs()).isGreaterThanOrEqualTo(s.intendedNs()));
        }
    }

    @Test
    void atTheConcurrencyCeilingARateTickIsSkippedNotQueued() {
        // 1 slot, 100 ms per request, 100 ticks/s for 0.5 s: about 5 sends, not 50.
        try (ScriptedSender sender = ScriptedSender.fixed(100)) {
            PhaseOutcome outcome = run(load(1, 100.0, null, null, 0.5, 30, null), sender, conversations(1, null));
            assertThat(sender.sent.size()).isBetween(4, 6);
            assertThat(sender.maxInFlight.get()).isEqualTo(1);
            assertThat(outcome.completed()).isEqualTo(sender.sent.size());
        }
    }

    @Test
    void aReturnLeftInTheQueueUntilTheNextTickStillFreesItsSlotForThatTick() {
        // 100 ticks/s (10 ms apart, within the wait limit), one slot, answers at once: the scheduler is not woken
        // for a return, yet every tick it drains the queue first, so a tick may find the slot busy only when the
        // request in it had not yet returned by the tick's planned time.
        List<Long> ticks = new CopyOnWriteArrayList<>();
        try (ScriptedSender sender = ScriptedSender.fixed(0)) {
            run(load(1, 100.0, 15, null, null, 30, null), sender, conversations(1, null), null,
                    strategy -> new RecordingTicks(strategy, ticks));

            assertThat(sender.sent).hasSize(15);
            assertThat(records).hasSize(15);
            List<Long> intended = sender.sent.stream().map(ScriptedSender.Sent::intendedNs).toList();
            for (long tick : ticks) {
                if (intended.contains(tick) || tick > intended.getLast()) {
                    continue;
                }
                ScriptedSender.Sent busy = sender.sent.stream().filter(s -> s.intendedNs() < tick)
                        .reduce((first, second) -> second).orElseThrow();
                assertThat(sender.completedNs.get(busy.info().creditNum()))
                        .as("return of credit %d against the lost tick", busy.info().creditNum())
                        .isGreaterThan(tick);
            }
        }
    }

    @Test
    void returnsWakeASchedulerWaitingForASlot() {
        // One slot, many fast requests: each send waits for the previous return. A return that failed to wake
        // the waiting scheduler would show as a send a whole park (one second, the cap) after its slot freed.
        try (ScriptedSender sender = ScriptedSender.fixed(0)) {
            run(load(1, null, 300, null, null, 30, null), sender, conversations(1, null));

            assertThat(sender.sent).hasSize(300);
            assertThat(sender.sent).allSatisfy(s -> assertThat(s.sentNs() - s.intendedNs())
                    .as("send of credit %d after its slot freed", s.info().creditNum()).isLessThan(900_000_000L));
        }
    }

    /** Passes a strategy's ticks through, keeping each planned time. */
    private record RecordingTicks(TimingStrategy strategy, List<Long> ticks) implements TimingStrategy {
        @Override
        public long nextSendTime(long phaseStartPerfNs, long nowPerfNs) {
            long tick = strategy.nextSendTime(phaseStartPerfNs, nowPerfNs);
            ticks.add(tick);
            return tick;
        }

        @Override
        public void processCompletion(RequestRecord record) {
            strategy.processCompletion(record);
        }
    }

    @Test
    void theDurationStopsSendingAndTheGracePeriodCancelsWhatIsLeft() {
        // Requests never answer: the phase must end at duration + grace with everything cancelled.
        try (ScriptedSender sender = ScriptedSender.fixed(-1)) {
            long start = System.nanoTime();
            PhaseOutcome outcome = run(load(4, null, null, null, 0.2, 0.1, null), sender, conversations(1, null));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
            assertThat(sender.sent).hasSize(4);
            assertThat(outcome.graceExpired()).isTrue();
            assertThat(outcome.cancelled()).isEqualTo(4);
            // every request sent is accounted for: one cancelled record each
            assertThat(records).hasSize(4).allSatisfy(r -> {
                assertThat(r.cancellationPerfNs()).isNotNull();
                assertThat(r.error().code()).isEqualTo(499);
                assertThat(r.error().message()).isEqualTo(PhaseRunner.GRACE_EXPIRED_MESSAGE);
            });
            assertThat(sender.futures).allSatisfy(f -> assertThat(f.isCancelled()).isTrue());
        }
    }

    @Test
    void anInterruptStopsSendingAndCancelsInFlightRequests() throws InterruptedException {
        try (ScriptedSender sender = new ScriptedSender(info -> info.creditNum() < 5 ? 5L : -1L)) {
            Thread stopper = new Thread(() -> {
                sleep(150);
                interrupt.set(true);
            });
            stopper.start();
            PhaseOutcome outcome = run(load(2, null, 1000, null, null, 30, null), sender, conversations(1, null));
            stopper.join();
            assertThat(outcome.interrupted()).isTrue();
            assertThat(outcome.completed()).isEqualTo(5);
            assertThat(records).hasSize(7);
            assertThat(records).filteredOn(r -> r.cancellationPerfNs() != null).hasSize(2)
                    .allSatisfy(r -> assertThat(r.error().message()).isEqualTo(PhaseRunner.INTERRUPTED_MESSAGE));
            assertThat(outcome.cancelled()).isEqualTo(2);
        }
    }

    @Test
    void aConcurrencyRampRaisesTheLimitStepByStep() {
        try (ScriptedSender sender = ScriptedSender.fixed(30)) {
            PhaseOutcome outcome = run(load(4, null, null, null, 0.8, 30, 0.6), sender, conversations(1, null));
            // Limit 1 from 0 s, 2 from 0.2 s, 3 from 0.4 s, 4 from 0.6 s (a little slack for scheduling).
            for (ScriptedSender.Sent s : sender.sent) {
                double t = (s.sentNs() - outcome.startPerfNs()) / 1e9;
                int limit = t < 0.18 ? 1 : t < 0.38 ? 2 : t < 0.58 ? 3 : 4;
                assertThat(s.inFlightAfterSend()).as("in flight at %.3f s", t).isLessThanOrEqualTo(limit);
            }
            assertThat(sender.maxInFlight.get()).isEqualTo(4);
        }
    }

    /** The ramp the engine builds (linear, 1 to the target) when the load ramps concurrency. */
    private static Ramp concurrencyRamp(LoadConfig load) {
        return load.concurrency() != null && load.concurrencyRampSeconds() != null && load.concurrency() > 1
                ? new LinearRamp(1, load.concurrency(), load.concurrencyRampSeconds()) : null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAbandonedRequestReturnsNormallyAndItsSessionGoesOn() {
        // Every request is abandoned 10 ms after it goes, long before its 200 ms answer.
        RequestCancellation always = new RequestCancellation(100, 10_000_000L, new java.util.SplittableRandom(1));
        try (ScriptedSender sender = ScriptedSender.fixed(200)) {
            PhaseOutcome outcome = run(load(2, null, null, 2, null, 30, null), sender, conversations(3, null), always);

            // Both sessions sent all three turns: a simulated disconnect is an error, not the end of the session.
            assertThat(sender.sent).hasSize(6);
            assertThat(records).hasSize(6).allMatch(r -> r.error() != null && r.error().code() == 499);
            assertThat(outcome.completed()).isEqualTo(6);
            assertThat(outcome.cancelled()).isZero();
        }
    }
}
