package dev.aiperf.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {

    @Test
    void slotsAreTakenUpToTheLimitAndGivenBack() {
        ConcurrencyLimit slots = ConcurrencyLimit.of(2);
        assertThat(slots.tryAcquire()).isTrue();
        assertThat(slots.tryAcquire()).isTrue();
        assertThat(slots.tryAcquire()).isFalse();
        slots.release();
        assertThat(slots.tryAcquire()).isTrue();
    }

    @Test
    void loweringTheLimitNeverRevokesHeldSlotsButRecordsDebt() {
        ConcurrencyLimit slots = ConcurrencyLimit.of(4);
        slots.tryAcquire();
        slots.tryAcquire();
        slots.tryAcquire(); // 3 held, 1 free
        slots.setLimit(1);  // remove the free one, owe 2
        assertThat(slots.available()).isZero();
        assertThat(slots.debt()).isEqualTo(2);
        slots.release();
        slots.release();    // both pay the debt
        assertThat(slots.available()).isZero();
        assertThat(slots.tryAcquire()).isFalse();
        slots.release();    // the last held slot becomes the one allowed
        assertThat(slots.tryAcquire()).isTrue();
    }

    @Test
    void raisingTheLimitCancelsDebtBeforeAddingSlots() {
        ConcurrencyLimit slots = ConcurrencyLimit.of(3);
        slots.tryAcquire();
        slots.tryAcquire();
        slots.tryAcquire();
        slots.setLimit(1);  // owe 2
        slots.setLimit(4);  // +3: cancel the 2 owed, 1 new free slot
        assertThat(slots.debt()).isZero();
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void noLimitMeansEveryAcquireSucceeds() {
        ConcurrencyLimit slots = ConcurrencyLimit.of(null);
        for (int i = 0; i < 10_000; i++) {
            assertThat(slots.tryAcquire()).isTrue();
        }
        assertThat(slots.isUnlimited()).isTrue();
    }

    @Test
    void aLimitBelowOneIsRejected() {
        assertThatThrownBy(() -> ConcurrencyLimit.of(2).setLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
