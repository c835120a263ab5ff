package org.risala.smpp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-flight window of one bind: submits sent and not yet answered. jSMPP enforces none, so exceeding what the
 * operator agreed (ESME_RMSGQFUL, ESME_RTHROTTLED) is ours to prevent. Normal traffic may hold at most
 * {@code 1 - highPriorityReserve} of the slots (at least one), the rest waits for high-priority messages.
 */
final class SubmitWindow {

    private final int size;
    private final int normalLimit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int used;
    private int normalUsed;
    private boolean closed;

    SubmitWindow(int size, double highPriorityReserve) {
        if (size < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + size);
        }
        this.size = size;
        this.normalLimit = Math.max(1, (int) Math.floor(size * (1 - highPriorityReserve)));
    }

    int size() {
        return size;
    }

    int normalLimit() {
        return normalLimit;
    }

    int used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    boolean tryAcquire(boolean highPriority) {
        lock.lock();
        try {
            return take(highPriority);
        } finally {
            lock.unlock();
        }
    }

    boolean acquire(boolean highPriority, long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!take(highPriority)) {
                if (left <= 0 || closed) {
                    return false;
                }
                left = released.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release(boolean highPriority) {
        lock.lock();
        try {
            if (used == 0 || (!highPriority && normalUsed == 0)) {
                throw new IllegalStateException("released a window slot that was not taken");
            }
            used--;
            if (!highPriority) {
                normalUsed--;
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more slots and wakes every waiter; slots already taken are still released as usual. */
    void close() {
        lock.lock();
        try {
            closed = true;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no slot is taken, e.g. for submits in flight before unbinding. */
    boolean awaitEmpty(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (used > 0) {
                if (left <= 0) {
                    return false;
                }
                left = released.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean take(boolean highPriority) {
        if (closed || used >= size || (!highPriority && normalUsed >= normalLimit)) {
            return false;
        }
        used++;
        if (!highPriority) {
            normalUsed++;
        }
        return true;
    }
}
