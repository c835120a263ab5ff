package org.risala.inbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.risala.inbound.spi.Command;
import org.risala.inbound.spi.CommandParser;
import org.risala.inbound.spi.HelpLine;
import org.risala.inbound.spi.IncomingSms;
import org.risala.inbound.spi.KeywordService;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.Reply;
import org.risala.inbound.spi.Reply.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads each stored SMS as a command and finds who answers it: HELP lists the services, a keyword goes to the
 * {@link KeywordService} that has it, anything else gets the short bilingual help. Runs on its own few threads, never
 * on jSMPP's; the services wait for back offices on theirs. Each SMS is answered once per node: an SMS already in
 * hand here is not taken again when its claim is renewed.
 */
@Component
class KeywordRouter {

    private static final Logger log = LoggerFactory.getLogger(KeywordRouter.class);
    /** SMS waiting here at most; beyond that they stay PENDING in the database and are claimed again later */
    private static final int BACKLOG = 20_000;

    static final String TOO_MANY_EN = "You have sent too many requests. Please try again in a few minutes.";
    static final String TOO_MANY_AR = "لقد أرسلت طلبات كثيرة. يرجى المحاولة بعد بضع دقائق.";

    private final ObjectProvider<KeywordService> serviceBeans;
    /** the services, looked up once: resolving beans by type for every command took a fifth of this thread's time */
    private volatile List<KeywordService> services;
    private final Replies replies;
    private final CommandLimiter limiter;
    private final int helpMaxSegments;
    private final CommandParser parser = new CommandParser();
    private final ThreadPoolExecutor workers;
    /** ids of the SMS in hand on this node, from routing until their answer is recorded */
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();

    KeywordRouter(ObjectProvider<KeywordService> services, Replies replies, CommandLimiter limiter,
                  InboundProperties properties, MeterRegistry registry) {
        this.serviceBeans = services;
        this.replies = replies;
        this.limiter = limiter;
        this.helpMaxSegments = properties.helpMaxSegments();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.routerThreads(), properties.routerThreads(), 0,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
                    Thread t = new Thread(r, "inbound-router-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        registry.gauge("risala.inbound.unanswered", inHand, Set::size);
    }

    /** takes the SMS in hand unless it already is; false when it is, or when this node has too many waiting */
    boolean route(IncomingSms sms) {
        if (!inHand.add(sms.id())) {
            return false;
        }
        try {
            workers.execute(() -> handle(sms));
            return true;
        } catch (RejectedExecutionException e) {
            inHand.remove(sms.id());
            log.warn("too many SMS waiting for an answer on this node: SMS {} waits in the database", sms.id());
            return false;
        }
    }

    /** how many more SMS this node can take in hand now */
    int room() {
        return workers.getQueue().remainingCapacity();
    }

    private void handle(IncomingSms sms) {
        Command command = parser.parse(sms.text());
        CompletionStage<Reply> answer;
        try {
            answer = answer(sms, command);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((reply, error) -> {
            boolean failed = error != null || reply == null;
            if (failed) {
                log.error("answering SMS {} (keyword {}) failed", sms.id(), command.keyword(), error);
            }
            replies.send(sms, command.keyword(), failed ? Reply.temporarilyUnavailable(command.language()) : reply,
                    () -> inHand.remove(sms.id()));
        });
    }

    private CompletionStage<Reply> answer(IncomingSms sms, Command command) {
        switch (limiter.check(sms.from())) {
            case TELL_LIMITED -> {
                log.info("SMS {}: the number sent too many commands; told once, then silence", sms.id());
                return done(Reply.of(command.language() == Language.AR ? TOO_MANY_AR : TOO_MANY_EN,
                        Outcome.LIMITED));
            }
            case SILENT -> {
                return done(Reply.silence(Outcome.LIMITED));
            }
            case ALLOWED -> {
                // answered below
            }
        }
        if (command.isHelp()) {
            List<HelpLine> lines = services().stream().flatMap(s -> s.help(sms.shortCode()).stream()).toList();
            return done(Reply.of(new HelpText(lines, helpMaxSegments).help(command.language()), Outcome.HELP));
        }
        Optional<KeywordService> service = command.isEmpty() ? Optional.empty()
                : services().stream().filter(s -> s.answers(command.keyword(), sms.shortCode())).findFirst();
        if (service.isEmpty()) {
            return done(Reply.of(new HelpText(List.of(), helpMaxSegments).unknownCommand(), Outcome.UNKNOWN));
        }
        return service.get().answer(sms, command);
    }

    private List<KeywordService> services() {
        List<KeywordService> found = services;
        if (found == null) {
            found = serviceBeans.orderedStream().toList();
            services = found;
        }
        return found;
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }
}
