package org.risala.subscriptions;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.risala.subscriptions.RemindersProperties.ExpiryFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the reminder sweep every {@code reminder-interval} and polls each expiry feed every its own interval, on one
 * thread of their own: a sweep over a million subscriptions takes seconds, and must not hold up the short tasks
 * the other modules schedule on Spring's single scheduling thread; and a feed's new dates are in before the next
 * sweep reads them. Each first runs one interval after start.
 */
@Component
class ReminderSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final ReminderSweep sweep;
    private final ExpiryFeeds feeds;
    private final Duration interval;
    private ScheduledExecutorService thread;

    ReminderSchedule(ReminderSweep sweep, ExpiryFeeds feeds, RemindersProperties properties) {
        this.sweep = sweep;
        this.feeds = feeds;
        this.interval = properties.reminderInterval();
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reminders");
            t.setDaemon(true);
            return t;
        });
        every(interval, "the reminder sweep", sweep::sweep);
        for (ExpiryFeed feed : feeds.all()) {
            every(feed.interval(), "the expiry feed of " + feed.topic(), () -> {
                ExpiryFeeds.Polled polled = feeds.poll(feed);
                log.info("expiry feed of {}: {} dates recorded", feed.topic(), polled.recorded());
            });
        }
    }

    private void every(Duration period, String what, Runnable task) {
        // a task that throws would never run again: the next run tries anew
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed, tried again in {}: {}", what, period, e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        thread.shutdownNow();
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
