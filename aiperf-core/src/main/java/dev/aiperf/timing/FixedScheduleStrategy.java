package dev.aiperf.timing;

import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.timing.ScheduledSession;
import dev.aiperf.api.timing.ScheduledTimingStrategy;
import dev.aiperf.api.timing.SendPlan;
import dev.aiperf.api.timing.TimingStrategyContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Timing strategy {@code fixed_schedule} ({@code --fixed-schedule}, spec §2.8): replays a trace. Each
 * conversation's first turn goes at its dataset timestamp ({@link Turn#timestampMs()}), measured from
 * the phase start; a later turn goes once the previous one has returned, at its own timestamp if it
 * has one (at once if that is past), else its {@code delay} after the return, else at once.
 *
 * <p>Offsets (ms, on the dataset's clock): {@code --fixed-schedule-start-offset} and
 * {@code --fixed-schedule-end-offset} keep only the conversations whose first timestamp lies between
 * them (inclusive); time zero is the first kept timestamp with {@code --fixed-schedule-auto-offset},
 * else the start offset, else 0. The phase sends exactly every turn of every kept conversation; the
 * sampler is never used. A send that finds no free slot ({@code --concurrency}) waits for one, and the
 * records' send lag shows by how much it missed its time.
 */
public final class FixedScheduleStrategy implements ScheduledTimingStrategy {
    private final boolean autoOffset;
    private final Long startOffsetMs;
    private final Long endOffsetMs;
    private long zeroMs;
    private long phaseStartNs;

    public FixedScheduleStrategy(TimingStrategyContext context) {
        this(context.config().load().shape());
    }

    public FixedScheduleStrategy(LoadShapeConfig shape) {
        this.autoOffset = shape.fixedScheduleAutoOffset();
        this.startOffsetMs = shape.fixedScheduleStartOffsetMs();
        this.endOffsetMs = shape.fixedScheduleEndOffsetMs();
    }

    @Override
    public void checkDataset(List<Conversation> conversations) {
        for (Conversation conversation : conversations) {
            if (conversation.turns().getFirst().timestampMs() == null) {
                throw new IllegalArgumentException("--fixed-schedule needs a 'timestamp' (ms) on the first turn of every"
                        + " conversation; " + conversation.sessionId() + " has none. Add timestamps to the input file"
                        + " or drop --fixed-schedule");
            }
        }
        if (kept(conversations).isEmpty()) {
            throw new IllegalArgumentException("--fixed-schedule: no entry has a timestamp between"
                    + " --fixed-schedule-start-offset " + startOffsetMs + " and --fixed-schedule-end-offset "
                    + endOffsetMs + " (ms)");
        }
    }

    /** The conversations within the offsets, by first timestamp (dataset order among equals). */
    List<Conversation> kept(List<Conversation> conversations) {
        List<Conversation> kept = new ArrayList<>();
        for (Conversation conversation : conversations) {
            Long ts = conversation.turns().getFirst().timestampMs();
            if (ts != null && (startOffsetMs == null || ts >= startOffsetMs) && (endOffsetMs == null || ts <= endOffsetMs)) {
                kept.add(conversation);
            }
        }
        kept.sort(Comparator.comparingLong(c -> c.turns().getFirst().timestampMs()));
        return kept;
    }

    @Override
    public void start(SendPlan plan) {
        List<Conversation> schedule = kept(plan.conversations());
        phaseStartNs = plan.phaseStartPerfNs();
        zeroMs = autoOffset && !schedule.isEmpty() ? schedule.getFirst().turns().getFirst().timestampMs()
                : startOffsetMs != null ? startOffsetMs : 0;
        long turns = 0;
        for (Conversation conversation : schedule) {
            turns += conversation.turns().size();
            long at = sendTimeNs(conversation.turns().getFirst().timestampMs());
            plan.at(at, () -> plan.startSession(conversation, conversation.turns().size(), null, at));
        }
        plan.planTotals(turns, schedule.size());
    }

    @Override
    public void onTurnReturned(ScheduledSession session, long returnedPerfNs, SendPlan plan) {
        Turn next = session.conversation().turns().get(session.nextTurnIndex());
        long at = returnedPerfNs;
        if (next.timestampMs() != null) {
            at = sendTimeNs(next.timestampMs());
        } else if (next.delayMs() != null) {
            at = returnedPerfNs + Math.max(0, next.delayMs()) * 1_000_000L;
        }
        // A timestamp already past is sent at once: it is late because the answer was, not the client.
        plan.sendNextTurn(session, at - returnedPerfNs < 0 ? returnedPerfNs : at);
    }

    /** The phase-relative send time of a dataset timestamp. */
    private long sendTimeNs(long timestampMs) {
        return phaseStartNs + (timestampMs - zeroMs) * 1_000_000L;
    }
}
