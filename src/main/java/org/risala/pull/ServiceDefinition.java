package org.risala.pull;

import java.util.List;

/**
 * A pull service as configured in {@code risala.pull.services} or edited by an ADMIN: a keyword citizens text to a
 * short code, its arguments, the back office it asks and the replies it sends. Stored in the database as JSON, so
 * a new service needs no code and no restart.
 *
 * @param keyword      the English keyword, e.g. {@code VIO}
 * @param aliases      other keywords for it, e.g. {@code مخالفات}; the reply is in the language of what was sent
 * @param shortCodes   the short codes it answers at; empty for all of Risala's short codes
 * @param help         one line for HELP after the keyword, e.g. {@code 12345AB - unpaid traffic violations}
 * @param arguments    what follows the keyword, in order; the last one takes the rest of the words
 * @param connector    how the back office is asked
 * @param replies      the reply templates
 * @param maxSegments  the longest reply, in SMS segments; a longer one is cut with a pointer to the website
 * @param enabled      a disabled service answers like an unknown keyword
 * @param alternatives the arguments are alternatives: the text after the keyword must be a valid value of one of
 *                     them, tried in order (e.g. a plate, else a civil ID); the others are left empty
 */
public record ServiceDefinition(
        String keyword,
        List<String> aliases,
        List<String> shortCodes,
        Bilingual help,
        List<ArgumentDefinition> arguments,
        ConnectorDefinition connector,
        ReplyTemplates replies,
        Integer maxSegments,
        Boolean enabled,
        Boolean alternatives) {

    public static final int DEFAULT_MAX_SEGMENTS = 3;

    public ServiceDefinition {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        shortCodes = shortCodes == null ? List.of() : List.copyOf(shortCodes);
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        maxSegments = maxSegments == null ? DEFAULT_MAX_SEGMENTS : maxSegments;
        enabled = enabled == null || enabled;
        alternatives = alternatives != null && alternatives;
    }
}
