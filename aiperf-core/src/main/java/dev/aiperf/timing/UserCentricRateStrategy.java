package dev.aiperf.timing;

import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.timing.ScheduledSession;
import dev.aiperf.api.timing.ScheduledTimingStrategy;
import dev.aiperf.api.timing.SendPlan;
import dev.aiperf.api.timing.TimingStrategyContext;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timing strategy {@code user_centric_rate} ({@code --user-centric-rate Q --num-users U}, spec §2.9):
 * U simulated users, each sending the turns of its conversation {@code gap = U/Q} seconds apart, so
 * that the whole system issues about Q requests per second and looks like steady state from the start.
 *
 * <p>With {@code T} the average turns per conversation and {@code L = max(1, T−1)}, the initial users
 * are aged as if the system had always been running: user {@code i} has {@code L − ((U−i)·L div U)}
 * turns left and starts at {@code order · 1/Q}; users with none left only use up their id. When a
 * user's turns are all planned, a brand-new user with a full conversation takes its place at
 * {@code start + turns · gap}: spawning is open loop. A turn waits for the previous answer: the next
 * goes at {@code max(now, previous planned time + gap)}, so a late answer re-baselines the user rather
 * than causing a burst. Dataset delays and timestamps are ignored. User ids count from 1 and are each
 * session's {@code X-Correlation-ID}.
 */
public final class UserCentricRateStrategy implements ScheduledTimingStrategy {
    private final double rate;
    private final int users;
    private final long gapNs;
    private final Map<ScheduledSession, Long> plannedNs = new IdentityHashMap<>();
    private SendPlan plan;
    private long nextUserId = 1;

    public UserCentricRateStrategy(TimingStrategyContext context) {
        this(context.config().load().shape());
    }

    public UserCentricRateStrategy(LoadShapeConfig shape) {
        if (shape.userCentricRate() == null || !(shape.userCentricRate() > 0) || shape.numUsers() == null
                || shape.numUsers() < 1) {
            throw new IllegalArgumentException("user_centric_rate needs --user-centric-rate > 0 and --num-users >= 1");
        }
        this.rate = shape.userCentricRate();
        this.users = shape.numUsers();
        this.gapNs = Math.round(users / rate * 1e9);
    }

    @Override
    public void start(SendPlan sendPlan) {
        this.plan = sendPlan;
        long staggerNs = Math.round(1e9 / rate);
        int lifetime = Math.max(1, (int) Math.round(averageTurns(sendPlan.conversations())) - 1);
        boolean alternate = gcd(users, lifetime) > 1;
        int step = alternate ? coprimeStep(users) : 1;
        long start = sendPlan.phaseStartPerfNs();
        for (int i = 0; i < users; i++) {
            long age = (long) (users - i) * lifetime;
            long remaining = lifetime - age / users;
            if (remaining <= 0) {
                nextUserId++; // a user that has virtually finished
                continue;
            }
            long slot = alternate ? ((long) i * step) % users : age % users;
            long order = users - slot;
            spawn(start + order * staggerNs, (int) remaining, nextUserId++);
        }
        spawn(start, -1, nextUserId++);
    }

    /**
     * A user whose first turn is meant for {@code atNs}, sending {@code turns} turns (-1: all of them);
     * initial users get their ids in creation order, replacements when they join (id -1).
     */
    private void spawn(long atNs, int turns, long userId) {
        plan.at(atNs, () -> {
            Conversation conversation = plan.sampleConversation();
            int count = turns < 0 ? conversation.turns().size() : Math.min(turns, conversation.turns().size());
            long id = userId < 0 ? nextUserId++ : userId;
            ScheduledSession session = plan.startSession(conversation, count, Long.toString(id), atNs);
            if (count > 1) {
                plannedNs.put(session, atNs);
            }
            // Its successor joins when this user's turns are used up, whatever the answers do.
            spawn(atNs + count * gapNs, -1, -1);
        });
    }

    @Override
    public void onTurnReturned(ScheduledSession session, long returnedPerfNs, SendPlan sendPlan) {
        long previous = plannedNs.getOrDefault(session, returnedPerfNs);
        long next = Math.max(returnedPerfNs, previous + gapNs);
        if (session.nextTurnIndex() + 1 >= session.turnCount()) {
            plannedNs.remove(session); // its last turn: nothing more to plan
        } else {
            plannedNs.put(session, next);
        }
        sendPlan.sendNextTurn(session, next);
    }

    static double averageTurns(List<Conversation> conversations) {
        return conversations.stream().mapToInt(c -> c.turns().size()).average().orElse(1);
    }

    /** The smallest integer in [2, n) coprime with n, else 1. */
    static int coprimeStep(int n) {
        for (int k = 2; k < n; k++) {
            if (gcd(k, n) == 1) {
                return k;
            }
        }
        return 1;
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
