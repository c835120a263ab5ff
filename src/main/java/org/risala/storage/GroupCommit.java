package org.risala.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: callers hand over their rows and wait; writer threads take whatever has piled up and write it in
 * one transaction. Under load a commit carries hundreds of rows, so the database sees few, large transactions while
 * every caller still learns only after its own rows are durable.
 *
 * <p>A caller that stops waiting ({@link Ticket#await} timing out) is told "not stored" only if its rows are then
 * left out of the commit: just before committing, the writer marks each waiting caller as committed, and rolls
 * back and writes again without those that gave up first. So a timeout never hides a stored message.
 */
public final class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int WAITING = 0;
    private static final int COMMITTING = 1;
    private static final int ABANDONED = 2;

    /** one caller's rows, written together, and whether the caller still waits for them */
    public static final class Ticket<T> {
        private final List<T> items;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        private Ticket(List<T> items) {
            this.items = items;
        }

        public CompletableFuture<Void> future() {
            return done;
        }

        /**
         * @throws TimeoutException when the rows were not stored within the timeout; they will then never be
         * @throws ExecutionException when writing them failed
         */
        public void await(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(WAITING, ABANDONED)) {
                    throw e;
                }
                // the writer is committing these rows right now: its answer comes in moments
                done.get();
            }
        }
    }

    private static final class RolledBackForAbandoned extends RuntimeException {
        RolledBackForAbandoned() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final int maxBatch;
    private final TransactionTemplate tx;
    private final Consumer<List<T>> write;
    private final BlockingQueue<Ticket<T>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** @param write writes a batch inside the transaction; if it throws, every caller of that batch sees the error */
    public GroupCommit(String name, int threadCount, int maxBatch, TransactionTemplate tx, Consumer<List<T>> write) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.tx = tx;
        this.write = write;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::run, name + "-writer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public CompletableFuture<Void> submit(T item) {
        return submitAll(List.of(item)).future();
    }

    /** the items are written together, in one transaction */
    public Ticket<T> submitAll(List<T> items) {
        Ticket<T> ticket = new Ticket<>(items);
        if (!running) {
            ticket.done.completeExceptionally(new IllegalStateException(name + " is shut down"));
        } else if (items.isEmpty()) {
            ticket.done.complete(null);
        } else {
            queue.add(ticket);
        }
        return ticket;
    }

    public void shutdown() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Ticket<T> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException(name + " is shut down"));
        }
    }

    private void run() {
        List<Ticket<T>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Ticket<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.items.size();
                Ticket<T> next;
                while (rows < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    rows += next.items.size();
                }
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Ticket<T>> batch) {
        List<Ticket<T>> live = batch.stream().filter(t -> t.state.get() == WAITING).toList();
        while (!live.isEmpty()) {
            List<Ticket<T>> writing = live;
            try {
                tx.executeWithoutResult(s -> {
                    List<T> items = new ArrayList<>();
                    writing.forEach(t -> items.addAll(t.items));
                    write.accept(items);
                    boolean anyAbandoned = false;
                    for (Ticket<T> t : writing) {
                        anyAbandoned |= !t.state.compareAndSet(WAITING, COMMITTING);
                    }
                    if (anyAbandoned) {
                        throw new RolledBackForAbandoned();
                    }
                });
                writing.forEach(t -> t.done.complete(null));
                return;
            } catch (RolledBackForAbandoned e) {
                // callers that gave up are left out; the others were marked COMMITTING and are written again
                live = writing.stream().filter(t -> t.state.get() == COMMITTING).toList();
                live.forEach(t -> t.state.set(WAITING));
            } catch (RuntimeException e) {
                // a failed commit stored nothing: callers marked for it wait again (or may now give up)
                writing.forEach(t -> t.state.compareAndSet(COMMITTING, WAITING));
                if (writing.size() > 1) {
                    // one caller's bad row must not sink the others: write each caller on its own
                    log.warn("{}: a batch of {} callers failed ({}); writing them one by one", name, writing.size(),
                            e.toString());
                    writing.forEach(t -> write(List.of(t)));
                } else {
                    log.warn("{}: writing failed: {}", name, e.toString());
                    writing.get(0).done.completeExceptionally(e);
                }
                return;
            }
        }
    }
}
