package org.risala.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand over one item each and wait; writer threads take whatever has piled up and write it in
 * one transaction. Under load a commit carries hundreds of rows, so the database sees few, large transactions while
 * every caller still learns only after its own row is durable.
 */
final class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) {
    }

    private final String name;
    private final int maxBatch;
    private final Consumer<List<T>> writer;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** @param writer writes a batch in one transaction; if it throws, every caller of that batch sees the error */
    GroupCommit(String name, int threadCount, int maxBatch, Consumer<List<T>> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.writer = writer;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::run, name + "-writer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    CompletableFuture<Void> submit(T item) {
        return submitAll(List.of(item));
    }

    /** the items are written together, in one transaction */
    CompletableFuture<Void> submitAll(List<T> items) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException(name + " is shut down"));
            return done;
        }
        if (items.isEmpty()) {
            done.complete(null);
            return done;
        }
        queue.add(new Pending<>(items, done));
        return done;
    }

    int backlog() {
        return queue.size();
    }

    void shutdown() {
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
        Pending<T> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException(name + " is shut down"));
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>();
        List<T> items = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                items.addAll(first.items());
                Pending<T> next;
                while (items.size() < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    items.addAll(next.items());
                }
                write(batch, items);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
                items.clear();
            }
        }
    }

    private void write(List<Pending<T>> batch, List<T> items) {
        try {
            writer.accept(List.copyOf(items));
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            log.warn("{}: writing {} rows failed: {}", name, items.size(), e.toString());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }
}
