package org.risala.inbound.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.risala.records.ArabicText;

/**
 * Reads the text of an incoming SMS as a keyword and its arguments, tolerating how people actually type on a phone:
 * any case, extra or non-breaking spaces, punctuation around words ({@code VIO: 12345AB.}), Arabic-Indic and Persian
 * digits, bidi marks, Arabic comma and semicolon, tatweel and diacritics, and the usual Arabic letter variants.
 */
public final class CommandParser {

    /** spaces of any kind and the list separators people put between words, Latin and Arabic */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z},;\u060C\u061B]+");

    /**
     * The form keywords are compared in. Configured keywords and aliases must go through this too, so that an alias
     * written {@code مساعدة} matches a command typed {@code مساعده} or {@code مُسـاعدة}.
     */
    public static String canonicalKeyword(String written) {
        return keyword(trimPunctuation(ArabicText.clean(written).strip()));
    }

    public Command parse(String text) {
        if (text == null) {
            return Command.EMPTY;
        }
        List<String> words = new ArrayList<>();
        for (String piece : SEPARATORS.split(ArabicText.clean(text))) {
            String word = trimPunctuation(piece);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return Command.EMPTY;
        }
        // the keyword ends at the first punctuation, so that "VIO:12345AB" reads like "VIO: 12345AB"
        String first = words.remove(0);
        int end = 0;
        while (end < first.length() && Character.isLetterOrDigit(first.codePointAt(end))) {
            end += Character.charCount(first.codePointAt(end));
        }
        String glued = trimPunctuation(first.substring(end));
        if (!glued.isEmpty()) {
            words.add(0, glued);
        }
        String keyword = keyword(first.substring(0, end));
        return new Command(keyword, words, ArabicText.hasArabicLetter(keyword) ? Language.AR : Language.EN);
    }

    private static String keyword(String word) {
        return ArabicText.foldLetters(word.toUpperCase(Locale.ROOT));
    }

    /** drops what is neither a letter nor a digit at both ends, keeping inner punctuation such as 12345-ab */
    private static String trimPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return word.substring(start, end);
    }
}
