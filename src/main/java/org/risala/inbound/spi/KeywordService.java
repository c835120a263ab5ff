package org.risala.inbound.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A module that answers keywords sent to the short codes (pull services, subscriptions, feedback). The keyword
 * router asks every service on each message, so keywords added or disabled at runtime apply at once. Keywords are
 * compared in the form of {@link CommandParser#canonicalKeyword(String)}.
 */
public interface KeywordService {

    /** whether this service answers the keyword, in canonical form, when it is sent to that short code */
    boolean answers(String keyword, String shortCode);

    /** the lines HELP shows for the keywords answered at that short code */
    List<HelpLine> help(String shortCode);

    /**
     * Answers a command. It must not block the caller: a service that waits for a back office does so on its own
     * threads, limited per back office, so a slow one never holds up the others. The stage completes with a
     * {@link Reply} (a failed back office is a {@link Reply.Outcome#FAILED} reply, not an exceptional completion).
     */
    CompletionStage<Reply> answer(IncomingSms sms, Command command);
}
