package dev.aiperf.engine;

import dev.aiperf.api.config.LoadConfig;

/**
 * The stop conditions of one phase (spec §2.2): request count, session count and duration, the first
 * reached winning. Counts live here too, so "can send" and "was that the final credit" are decided in
 * one place. Only the scheduler thread uses it.
 */
final class StopConditions {
    private Long requestCount;
    private Long sessionCount;
    private final long sendDeadlineNs;
    private long sent;
    private long sentSessions;
    private long turnsOfStartedSessions;

    StopConditions(LoadConfig load, long phaseStartNs) {
        this.requestCount = load.requestCount() == null ? null : load.requestCount().longValue();
        this.sessionCount = load.numSessions() == null ? null : load.numSessions().longValue();
        this.sendDeadlineNs = load.benchmarkDurationSeconds() == null ? Long.MAX_VALUE
                : phaseStartNs + Math.round(load.benchmarkDurationSeconds() * 1e9);
    }

    long sendDeadlineNs() {
        return sendDeadlineNs;
    }

    long sent() {
        return sent;
    }

    long sentSessions() {
        return sentSessions;
    }

    /** Any turn may still be sent: a continuation of a started session, or a new one. */
    boolean canSendAnyTurn(long nowNs) {
        if (nowNs - sendDeadlineNs >= 0) {
            return false;
        }
        if (requestCount != null && sent >= requestCount) {
            return false;
        }
        return sessionCount == null || sentSessions < sessionCount || sent < turnsOfStartedSessions;
    }

    /** A new session may start. */
    boolean canStartNewSession(long nowNs) {
        return canSendAnyTurn(nowNs) && (sessionCount == null || sentSessions < sessionCount);
    }

    /**
     * Counts one issued credit and says whether it was the final one: the request count is reached,
     * or every session has started and sent all its turns.
     */
    boolean recordSent(boolean firstTurn, int sessionTurns) {
        sent++;
        if (firstTurn) {
            sentSessions++;
            turnsOfStartedSessions += sessionTurns;
        }
        if (requestCount != null && sent >= requestCount) {
            return true;
        }
        return sessionCount != null && sentSessions >= sessionCount && sent >= turnsOfStartedSessions;
    }

    /** Requests the phase expects to send, when a count bounds it (for progress and ETA). */
    Long expectedRequests() {
        return requestCount;
    }

    /**
     * Replaces the request and session counts with the totals a strategy planned (spec §2.8: a
     * replayed trace sends every turn of every kept conversation); the duration still applies.
     */
    void replaceTotals(long requests, long sessions) {
        requestCount = requests;
        sessionCount = sessions;
    }
}
