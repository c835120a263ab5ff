package org.risala.inbound.spi;

import java.util.List;
import java.util.Objects;

/**
 * A command as a citizen sent it to the short code, read by {@link CommandParser}: the keyword in its canonical form
 * (see {@link CommandParser#canonicalKeyword(String)}), the arguments as written (digits in ASCII) and the language.
 */
public record Command(String keyword, List<String> arguments, Language language) {

    /** what an empty or blank message reads as */
    public static final Command EMPTY = new Command("", List.of(), Language.EN);

    private static final String HELP = "HELP";
    private static final String HELP_ARABIC = CommandParser.canonicalKeyword("مساعدة");

    public Command {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(language, "language");
        arguments = List.copyOf(arguments);
    }

    public boolean isEmpty() {
        return keyword.isEmpty();
    }

    /** HELP or مساعدة, the only keywords that are not a configured service */
    public boolean isHelp() {
        return keyword.equals(HELP) || keyword.equals(HELP_ARABIC);
    }

    /**
     * The arguments joined by single spaces: an argument such as a plate ({@code 12345 AB}, {@code ١٢٣٤٥ أ ب}) is
     * often typed as several words, so a service with a single argument reads this rather than the first word.
     */
    public String argumentText() {
        return String.join(" ", arguments);
    }
}
