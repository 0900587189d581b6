package dev.aiperf.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue from the I/O threads to the scheduler: many threads add, one polls. The entries link
 * themselves (each is added once), so a hand-off allocates nothing, where a {@code ConcurrentLinkedQueue}
 * makes a node per entry. This is the well-known intrusive multi-producer single-consumer list: a producer
 * swaps itself in as the tail, then links the old tail to itself.
 *
 * <p>Between those two steps the queue looks shorter to the consumer than it is: a poll at that moment
 * misses the entry being added and every entry added after it, until its producer links it (the next thing
 * it does). Each producer links its entry before it signals the consumer, so nothing is lost; a consumer
 * that must not sleep through such entries asks {@link #addInProgress}.
 */
final class ReturnQueue {

    /** Something handed to the scheduler; added at most once. */
    abstract static class Entry {
        private volatile Entry next;
    }

    /** The last entry polled (or the initial stub): its {@code next} is the head of the queue. */
    private Entry polled = new Entry() {
    };
    private final AtomicReference<Entry> tail = new AtomicReference<>(polled);

    /** Adds an entry that was never added before; from any thread, never blocks. */
    void add(Entry entry) {
        Entry previous = tail.getAndSet(entry);
        previous.next = entry;
    }

    /** The oldest entry, or null when none is (fully) added; from the consumer thread only. */
    Entry poll() {
        Entry head = polled.next;
        if (head == null) {
            return null;
        }
        polled.next = null; // the polled entry is garbage now; do not let it hold the rest of the queue
        polled = head;
        return head;
    }

    /**
     * Whether an entry was added (its producer swapped it in as the tail) that no poll can reach yet,
     * because a producer has not yet linked its predecessor to it; from the consumer thread only.
     */
    boolean addInProgress() {
        return polled.next == null && tail.get() != polled;
    }

    /** Whether a poll would find nothing now; from the consumer thread only. */
    boolean isEmpty() {
        return polled.next == null;
    }
}
