package dev.aiperf.transport;

/** An SSE event sink for the framing benchmarks: events are dropped (their bytes are in the store), errors fail. */
final class DiscardingEventSink implements SseStreamParser.EventSink {

    @Override
    public void onEvent() {
    }

    @Override
    public void onError(String message, long perfNs) {
        throw new IllegalStateException(message);
    }
}
