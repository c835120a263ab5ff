package org.risala.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.risala.inbound.InboundRepository.Answer;
import org.risala.inbound.spi.IncomingSms;
import org.risala.inbound.spi.Reply;
import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.SendRequest;
import org.risala.sms.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the answers back and records that each SMS was answered. Answers that pile up are sent as one batch (one
 * commit for all their replies) and recorded in one more, so the cost per command stays flat under load. A reply
 * goes at high priority, from the short code the citizen wrote to, through the operator the SMS came in on.
 */
@Component
class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final int MAX_BATCH = 500;
    private static final int ATTEMPTS = 5;

    private record Pending(IncomingSms sms, String keyword, Reply reply, Runnable done) {
    }

    private final OutboundMessaging outbound;
    private final InboundRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Replies(OutboundMessaging outbound, InboundRepository repository, TransactionTemplate tx, Clock clock,
            MeterRegistry registry) {
        this.outbound = outbound;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
        for (int i = 1; i <= 2; i++) {
            Thread t = new Thread(this::run, "inbound-replies-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** @param done runs once the answer is recorded, or given up on (the SMS then waits in the database) */
    void send(IncomingSms sms, String keyword, Reply reply, Runnable done) {
        queue.add(new Pending(sms, keyword, reply, done));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                deliver(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.forEach(p -> p.done().run());
                batch.clear();
            }
        }
    }

    private void deliver(List<Pending> batch) throws InterruptedException {
        List<Pending> speaking = batch.stream().filter(p -> !p.reply().isSilent()).toList();
        List<BatchItem> sent = null;
        for (int attempt = 1; sent == null; attempt++) {
            try {
                sent = outbound.sendBatch(speaking.stream().map(p -> SendRequest.reply("reply", p.sms().from(),
                        p.reply().text(), p.sms().shortCode(), p.sms().operator())).toList());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    log.error("could not store {} replies; their SMS wait in the database to be answered again",
                            speaking.size(), e);
                    return;
                }
                Thread.sleep(200L << attempt);
            }
        }
        List<Answer> answers = new ArrayList<>(batch.size());
        int next = 0;
        for (Pending p : batch) {
            java.util.UUID replyId = null;
            if (!p.reply().isSilent()) {
                BatchItem item = sent.get(next++);
                if (item.accepted() != null) {
                    replyId = item.accepted().id();
                } else {
                    log.warn("no reply to SMS {} from {}: {}", p.sms().id(), masked(p.sms().from()),
                            item.rejected().getMessage());
                }
            }
            registry.counter("risala.inbound.commands", "outcome", p.reply().outcome().name()).increment();
            answers.add(new Answer(p.sms().id(), keyword(p.keyword()), p.reply().outcome().name(), replyId,
                    clock.instant()));
        }
        record(answers);
    }

    private void record(List<Answer> answers) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> repository.markAnswered(answers));
                return;
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS) {
                    // the replies are stored: answering these SMS again after a restart may send a second reply
                    log.error("could not record that {} SMS were answered", answers.size(), e);
                    return;
                }
                Thread.sleep(200L << attempt);
            }
        }
    }

    private static String keyword(String keyword) {
        return keyword == null || keyword.isEmpty() ? null : keyword.length() > 40 ? keyword.substring(0, 40) : keyword;
    }

    private static String masked(String number) {
        return number.startsWith("+") ? new Msisdn(number).masked() : "(unparsed number)";
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
