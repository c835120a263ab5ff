package org.risala.pull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.risala.inbound.spi.Command;
import org.risala.inbound.spi.HelpLine;
import org.risala.inbound.spi.IncomingSms;
import org.risala.inbound.spi.KeywordService;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.Reply;
import org.risala.inbound.spi.Reply.Outcome;
import org.risala.inbound.spi.ReplyFitter;
import org.risala.pull.LookupAudit.Lookup;
import org.risala.pull.connector.BackOfficeUnavailable;
import org.risala.pull.connector.Connectors;
import org.risala.pull.connector.LookupResult;
import org.risala.records.ArabicText;
import org.risala.sms.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the pull services' keywords: reads the arguments, asks the back office on the service's own threads
 * (so a slow one holds up only itself), fills in the reply template in the language of the command and fits it in
 * the service's segments. Every lookup is audited and counted.
 */
@Component
class PullKeywordService implements KeywordService {

    private static final Logger log = LoggerFactory.getLogger(PullKeywordService.class);

    static final String TOO_MANY_RECORDS_EN = "You have looked up too many different records. Please try again later.";
    static final String TOO_MANY_RECORDS_AR = "لقد استعلمت عن سجلات مختلفة كثيرة. يرجى المحاولة لاحقا.";

    private final ServiceCatalogue catalogue;
    private final Connectors connectors;
    private final EnumerationGuard guard;
    private final LookupAudit audit;
    private final Clock clock;
    private final MeterRegistry registry;
    /** each service compiled once per definition: its templates, argument specs, connector and threads */
    private final ConcurrentHashMap<String, PullService> compiled = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    PullKeywordService(ServiceCatalogue catalogue, Connectors connectors, EnumerationGuard guard, LookupAudit audit,
                       Clock clock, MeterRegistry registry) {
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public boolean answers(String keyword, String shortCode) {
        return catalogue.answering(keyword, shortCode).isPresent();
    }

    @Override
    public List<HelpLine> help(String shortCode) {
        return catalogue.answeringAt(shortCode).stream()
                .map(d -> new HelpLine(d.keyword(), d.aliases().stream().filter(ArabicText::hasArabicLetter)
                        .findFirst().orElse(null), d.help().en(), d.help().ar()))
                .toList();
    }

    @Override
    public CompletionStage<Reply> answer(IncomingSms sms, Command command) {
        Instant start = clock.instant();
        Optional<ServiceDefinition> definition = catalogue.answering(command.keyword(), sms.shortCode());
        if (definition.isEmpty()) {
            // disabled or removed a moment ago
            return CompletableFuture.completedFuture(Reply.temporarilyUnavailable(command.language()));
        }
        PullService service;
        try {
            service = compiled(definition.get());
        } catch (RuntimeException e) {
            log.error("service {} cannot answer: its definition does not compile", definition.get().keyword(), e);
            return finish(sms, definition.get().keyword(), "", start,
                    Reply.temporarilyUnavailable(command.language()));
        }
        Language language = command.language();
        PullService.Arguments arguments = service.read(command);
        if (arguments.invalid()) {
            return finish(sms, service.keyword(), arguments.query(), start,
                    service.reply(Outcome.INVALID, language, Map.of("usage", arguments.usage(language))));
        }
        if (!guard.allows(sms.from(), masked(sms.from()), service.keyword() + " " + arguments.query())) {
            return finish(sms, service.keyword(), arguments.query(), start, Reply.of(
                    language == Language.AR ? TOO_MANY_RECORDS_AR : TOO_MANY_RECORDS_EN, Outcome.LIMITED));
        }
        CompletableFuture<Reply> answered;
        try {
            answered = CompletableFuture.supplyAsync(() -> lookUp(service, arguments.values(), language),
                    service.threads());
        } catch (RejectedExecutionException e) {
            log.warn("service {} is busy: {} lookups waiting for its back office", service.keyword(),
                    service.maxWaiting());
            answered = CompletableFuture.completedFuture(service.reply(Outcome.FAILED, language, arguments.values()));
        }
        return answered.thenCompose(reply -> finish(sms, service.keyword(), arguments.query(), start, reply));
    }

    private Reply lookUp(PullService service, Map<String, String> arguments, Language language) {
        try {
            LookupResult result = service.connector().lookup(arguments);
            Map<String, Object> variables = new HashMap<>(arguments);
            variables.putAll(result.variables());
            return service.reply(result.found() ? Outcome.FOUND : Outcome.NOT_FOUND, language, variables);
        } catch (BackOfficeUnavailable e) {
            log.warn("service {}: back office unavailable: {}", service.keyword(), e.getMessage());
            return service.reply(Outcome.FAILED, language, arguments);
        } catch (RuntimeException e) {
            log.error("service {}: lookup failed", service.keyword(), e);
            return service.reply(Outcome.FAILED, language, arguments);
        }
    }

    private CompletionStage<Reply> finish(IncomingSms sms, String keyword, String query, Instant start, Reply reply) {
        Duration took = Duration.between(start, clock.instant());
        timers.computeIfAbsent(keyword + " " + reply.outcome(), k -> Timer.builder("risala.pull.lookups")
                .description("pull service commands by kind of answer").tag("service", keyword)
                .tag("outcome", reply.outcome().name()).register(registry)).record(took);
        // percentiles per service over all answers: percentiles of the series above could not be added up
        timers.computeIfAbsent(keyword, k -> Timer.builder("risala.pull.latency")
                .description("from a command read to its answer ready, back-office time included")
                .tag("service", keyword).publishPercentiles(0.5, 0.99).register(registry)).record(took);
        return audit.record(new Lookup(start, keyword, sms.from(), query, reply.outcome().name(),
                (int) Math.min(Integer.MAX_VALUE, took.toMillis()), reply.text(), sms.id())).thenApply(v -> reply);
    }

    private PullService compiled(ServiceDefinition definition) {
        return compiled.compute(definition.keyword(), (k, current) -> {
            if (current != null && current.definition().equals(definition)) {
                return current;
            }
            if (current != null) {
                current.retire();
            }
            return new PullService(definition, connectors.build(definition.connector()));
        });
    }

    private static String masked(String number) {
        return number.startsWith("+") ? new Msisdn(number).masked() : "(unparsed number)";
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        compiled.values().forEach(PullService::retire);
    }
}
