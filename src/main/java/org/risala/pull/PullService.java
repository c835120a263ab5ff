package org.risala.pull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Command;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.Reply;
import org.risala.inbound.spi.Reply.Outcome;
import org.risala.inbound.spi.ReplyFitter;
import org.risala.pull.connector.Connector;

/**
 * One service's definition made ready to answer: argument specs, compiled templates, its connector, and its own
 * threads — at most {@code maxConcurrent} lookups at once, a few times that waiting, so a back office that hangs
 * ties up only its own service.
 */
final class PullService {

    private final ServiceDefinition definition;
    private final List<ArgumentSpec> arguments;
    private final Map<Outcome, ReplyTemplate> english = new LinkedHashMap<>();
    private final Map<Outcome, ReplyTemplate> arabic = new LinkedHashMap<>();
    private final Connector connector;
    private final ThreadPoolExecutor threads;

    /** the arguments read from a command: their normalised values, or the first one that is missing or wrong */
    record Arguments(Map<String, String> values, List<ArgumentSpec> wrong) {

        boolean invalid() {
            return !wrong.isEmpty();
        }

        /** e.g. {@code plate=12345AB}, for the audit and the enumeration guard */
        String query() {
            return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }

        String usage(Language language) {
            return wrong.stream().map(spec -> spec.usage(language)).collect(Collectors.joining(" / "));
        }
    }

    PullService(ServiceDefinition definition, Connector connector) {
        this.definition = definition;
        this.arguments = definition.arguments().stream().map(ArgumentDefinition::toSpec).toList();
        ReplyTemplates replies = definition.replies();
        put(Outcome.FOUND, replies.found());
        put(Outcome.NOT_FOUND, replies.notFound());
        put(Outcome.INVALID, replies.invalid());
        put(Outcome.FAILED, replies.unavailable());
        this.connector = connector;
        int concurrent = definition.connector().maxConcurrent();
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(concurrent, concurrent, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(maxWaiting(concurrent)), r -> {
                    Thread t = new Thread(r, "pull-" + definition.keyword().toLowerCase() + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    private void put(Outcome outcome, Bilingual template) {
        english.put(outcome, new ReplyTemplate(template.en()));
        arabic.put(outcome, new ReplyTemplate(template.ar()));
    }

    private static int maxWaiting(int concurrent) {
        return concurrent * 8;
    }

    int maxWaiting() {
        return maxWaiting(definition.connector().maxConcurrent());
    }

    ServiceDefinition definition() {
        return definition;
    }

    String keyword() {
        return definition.keyword();
    }

    Connector connector() {
        return connector;
    }

    ExecutorService threads() {
        return threads;
    }

    /**
     * Reads the command's arguments. In order, each takes one word and the last takes the rest (a plate is often
     * typed as two words); alternatives are tried in turn on the whole text, the others left empty.
     */
    Arguments read(Command command) {
        Map<String, String> values = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(definition.alternatives())) {
            String text = command.argumentText();
            boolean matched = false;
            for (ArgumentSpec spec : arguments) {
                String value = matched ? "" : spec.accept(text).orElse("");
                matched |= !value.isEmpty();
                values.put(spec.name(), value);
            }
            return new Arguments(values, matched ? List.of() : arguments);
        }
        List<String> words = command.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            ArgumentSpec spec = arguments.get(i);
            String raw = i >= words.size() ? null
                    : i == arguments.size() - 1 ? String.join(" ", words.subList(i, words.size())) : words.get(i);
            var value = spec.accept(raw);
            if (value.isEmpty()) {
                return new Arguments(values, List.of(spec));
            }
            values.put(spec.name(), value.get());
        }
        return new Arguments(values, List.of());
    }

    /** the reply of that kind, in that language, filled in and fitted to the service's segments */
    Reply reply(Outcome outcome, Language language, Map<String, ?> variables) {
        String text = (language == Language.AR ? arabic : english).get(outcome).render(variables);
        return Reply.of(ReplyFitter.fit(text, definition.maxSegments(), ReplyFitter.pointer(language)), outcome);
    }

    /** lets lookups under way finish, takes no new ones */
    void retire() {
        threads.shutdown();
    }
}
