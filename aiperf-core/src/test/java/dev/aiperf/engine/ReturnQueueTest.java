package dev.aiperf.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The I/O threads' queue to the scheduler: nothing lost, nothing twice, each producer's entries in its order. */
class ReturnQueueTest {

    private static final class Numbered extends ReturnQueue.Entry {
        final int producer;
        final int index;

        Numbered(int producer, int index) {
            this.producer = producer;
            this.index = index;
        }
    }

    @Test
    void oneConsumerGetsEveryEntryOfManyProducersOnceAndInEachProducersOrder() throws InterruptedException {
        int producers = 4;
        int perProducer = 20_000;
        ReturnQueue queue = new ReturnQueue();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    queue.add(new Numbered(producer, i));
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        int[] next = new int[producers];
        int received = 0;
        while (received < producers * perProducer) {
            ReturnQueue.Entry e = queue.poll();
            if (e == null) {
                Thread.onSpinWait();
                continue;
            }
            Numbered n = (Numbered) e;
            assertThat(n.index).as("next entry of producer %d", n.producer).isEqualTo(next[n.producer]);
            next[n.producer]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(next).containsOnly(perProducer);
    }

    @Test
    void anEmptyQueueHasNothingAndAnEntryIsPolledOnce() {
        ReturnQueue queue = new ReturnQueue();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll()).isNull();
        Numbered only = new Numbered(0, 0);
        queue.add(only);
        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.poll()).isSameAs(only);
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }
}
