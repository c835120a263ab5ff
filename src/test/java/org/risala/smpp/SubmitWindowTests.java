package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SubmitWindowTests {

    @Test
    void normalTrafficMayHoldOnlyItsShare() {
        SubmitWindow window = new SubmitWindow(10, 0.2);
        int normal = 0;
        while (window.tryAcquire(false)) {
            normal++;
        }
        assertThat(normal).isEqualTo(8);
        assertThat(window.tryAcquire(true)).isTrue();
        assertThat(window.tryAcquire(true)).isTrue();
        assertThat(window.tryAcquire(true)).isFalse();
        assertThat(window.used()).isEqualTo(10);
    }

    @Test
    void highPriorityMayFillTheWholeWindow() {
        SubmitWindow window = new SubmitWindow(5, 0.2);
        for (int i = 0; i < 5; i++) {
            assertThat(window.tryAcquire(true)).isTrue();
        }
        assertThat(window.tryAcquire(false)).isFalse();
        window.release(true);
        assertThat(window.tryAcquire(false)).isTrue();
    }

    @Test
    void aWindowOfOneStillCarriesNormalTraffic() {
        SubmitWindow window = new SubmitWindow(1, 0.5);
        assertThat(window.normalLimit()).isEqualTo(1);
        assertThat(window.tryAcquire(false)).isTrue();
    }

    @Test
    void acquireWaitsForARelease() throws InterruptedException {
        SubmitWindow window = new SubmitWindow(1, 0);
        window.tryAcquire(false);
        assertThat(window.acquire(false, 1, TimeUnit.MILLISECONDS)).isFalse();
        window.release(false);
        assertThat(window.acquire(false, 1, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aClosedWindowTakesNothingButStillCountsReleases() throws InterruptedException {
        SubmitWindow window = new SubmitWindow(3, 0);
        window.tryAcquire(true);
        window.close();

        assertThat(window.acquire(true, 1, TimeUnit.MINUTES)).isFalse();
        assertThat(window.awaitEmpty(1, TimeUnit.MILLISECONDS)).isFalse();
        window.release(true);
        assertThat(window.awaitEmpty(1, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void releasingAnUntakenSlotIsABug() {
        assertThatIllegalStateException().isThrownBy(() -> new SubmitWindow(2, 0).release(false));
    }
}
