package org.risala.subscriptions;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.risala.inbound.spi.Command;
import org.risala.inbound.spi.CommandParser;
import org.risala.inbound.spi.HelpLine;
import org.risala.inbound.spi.IncomingSms;
import org.risala.inbound.spi.KeywordService;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.Reply;
import org.risala.inbound.spi.Reply.Outcome;
import org.risala.inbound.spi.ReplyFitter;
import org.springframework.stereotype.Component;

/**
 * SUB / اشتراك, STOP / الغاء, MY / اشتراكاتي and YES / نعم at the short codes. The work is a few short
 * transactions, done on the keyword router's thread: there is no back office to wait for.
 */
@Component
class SubscriptionCommands implements KeywordService {

    /** a reply is short: two segments at most, however long a list of subscriptions gets */
    static final int MAX_SEGMENTS = 2;

    private static final Set<String> SUB = words("SUB", "اشتراك");
    private static final Set<String> STOP = words("STOP", "الغاء");
    private static final Set<String> MY = words("MY", "اشتراكاتي");
    private static final Set<String> YES = words("YES", "نعم");
    private static final Set<String> ALL = words("ALL", "الكل");

    private final Subscriptions subscriptions;
    private final Topics topics;
    private final CommandReplies replies;

    SubscriptionCommands(Subscriptions subscriptions, Topics topics) {
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.replies = new CommandReplies(topics, subscriptions.confirmWithin());
    }

    /** a command's English and Arabic word, in the form keywords are compared in */
    private static Set<String> words(String en, String ar) {
        return Set.of(CommandParser.canonicalKeyword(en), CommandParser.canonicalKeyword(ar));
    }

    @Override
    public boolean answers(String keyword, String shortCode) {
        return Stream.of(SUB, STOP, MY, YES).anyMatch(command -> command.contains(keyword));
    }

    @Override
    public List<HelpLine> help(String shortCode) {
        return List.of(new HelpLine("SUB", "اشتراك", CommandReplies.HELP_EN, CommandReplies.HELP_AR));
    }

    @Override
    public CompletionStage<Reply> answer(IncomingSms sms, Command command) {
        return CompletableFuture.completedFuture(fitted(reply(sms, command), command.language()));
    }

    private Reply reply(IncomingSms sms, Command command) {
        String keyword = command.keyword();
        Language language = command.language();
        String actor = "sms:" + sms.id();
        if (MY.contains(keyword)) {
            return Reply.of(replies.list(subscriptions.active(sms.from()), language), Outcome.DONE);
        }
        if (YES.contains(keyword)) {
            return subscriptions.confirmNewest(sms.from(), actor, sms.id())
                    .map(s -> Reply.of(replies.subscribed(topic(s), s.key(), language), Outcome.DONE))
                    .orElseGet(() -> Reply.of(replies.nothingToConfirm(language), Outcome.INVALID));
        }
        List<String> words = command.arguments();
        if (STOP.contains(keyword)) {
            return stop(sms, words, language, actor);
        }
        Optional<Topic> topic = words.isEmpty() ? Optional.empty() : topics.typed(words.get(0));
        Optional<String> key = topic.flatMap(t -> t.key().normalise(rest(words)));
        if (key.isEmpty()) {
            return Reply.of(replies.usage(language), Outcome.INVALID);
        }
        return Reply.of(switch (subscriptions.request(sms.from(), topic.get(), key.get(), language, Channel.SMS,
                sms.operator(), false, actor)) {
            case WAITING_FOR_YES -> replies.price(topic.get(), key.get(), language);
            case ACTIVE -> replies.subscribed(topic.get(), key.get(), language);
            case ALREADY_ACTIVE -> replies.alreadyActive(topic.get(), key.get(), language);
        }, Outcome.DONE);
    }

    /** STOP alone and STOP ALL stop everything; STOP VIO stops that topic; STOP VIO 12345AB that one */
    private Reply stop(IncomingSms sms, List<String> words, Language language, String actor) {
        if (words.isEmpty() || ALL.contains(CommandParser.canonicalKeyword(words.get(0)))) {
            subscriptions.stopEverything(sms.from(), actor);
            return Reply.of(replies.stoppedEverything(language), Outcome.DONE);
        }
        Optional<Topic> topic = topics.typed(words.get(0));
        if (topic.isEmpty()) {
            return Reply.of(replies.nothingToStop(language), Outcome.DONE);
        }
        Optional<String> key = words.size() == 1 ? Optional.empty() : topic.get().key().normalise(rest(words));
        if (words.size() > 1 && key.isEmpty()) {
            return Reply.of(replies.nothingToStop(language), Outcome.DONE);
        }
        int stopped = subscriptions.stop(sms.from(), topic.get(), key.orElse(null), actor);
        return Reply.of(stopped == 0 ? replies.nothingToStop(language)
                : replies.stopped(topic.get(), key.orElse(null), language), Outcome.DONE);
    }

    private Topic topic(Subscription s) {
        return topics.named(s.topic()).orElseThrow(() -> new IllegalStateException(
                "subscription " + s.id() + " is to the topic " + s.topic() + ", which is no longer configured"));
    }

    private static String rest(List<String> words) {
        return words.stream().skip(1).collect(Collectors.joining(" "));
    }

    private static Reply fitted(Reply reply, Language language) {
        return Reply.of(ReplyFitter.fit(reply.text(), MAX_SEGMENTS, ReplyFitter.pointer(language)), reply.outcome());
    }
}
