package org.risala.inbound.spi;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.risala.sms.MessageText;

/**
 * Keeps a reply within a service's maximum number of segments: a longer one is cut after the last whole word that
 * leaves room for a pointer to where the rest can be read. Segments are counted on the final text, pointer included,
 * because one non-GSM character anywhere makes the whole reply UCS-2 and more than halves what a segment holds.
 */
public final class ReplyFitter {

    /**
     * Plain dots rather than "…": the ellipsis is not in the GSM alphabet and would turn an English reply into UCS-2,
     * 70 characters a segment instead of 160.
     */
    public static final String POINTER = "... more at rop.gov.om";

    /** an Arabic reply is UCS-2 anyway, so the pointer may be in Arabic */
    public static final String POINTER_AR = "... المزيد على rop.gov.om";

    /** what the cut text should not end with before the pointer (spaces, and separators left hanging) */
    private static final String DANGLING = ".,;:-\u060C\u061B";

    private ReplyFitter() {
    }

    public static String pointer(Language language) {
        return language == Language.AR ? POINTER_AR : POINTER;
    }

    /**
     * The reply itself when it fits {@code maxSegments}, otherwise its longest beginning that ends at a word (or,
     * when a single word is too long, at a character) followed by {@code pointer}, within {@code maxSegments}.
     * A character is never cut: not a surrogate pair, not a letter from its diacritics.
     *
     * @throws IllegalArgumentException when the reply is empty, maxSegments is below 1 or the pointer alone does not
     *                                  fit
     */
    public static String fit(String reply, int maxSegments, String pointer) {
        if (reply == null || reply.isEmpty()) {
            throw new IllegalArgumentException("reply is empty");
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, was " + maxSegments);
        }
        if (pointer == null || pointer.isBlank() || !fits(pointer, maxSegments)) {
            throw new IllegalArgumentException("pointer '" + pointer + "' does not fit " + maxSegments + " segment(s)");
        }
        if (fits(reply, maxSegments)) {
            return reply;
        }
        List<Integer> boundaries = characterBoundaries(reply);
        // segments only grow as the kept text grows, so the longest beginning that fits can be searched for
        int low = 0;
        int high = boundaries.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (fits(reply.substring(0, boundaries.get(middle)) + pointer, maxSegments)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        int end = boundaries.get(low);
        int cut = isSpace(reply.codePointAt(end)) ? end : lastSpaceBefore(reply, end);
        return withoutDanglingEnd(reply.substring(0, cut > 0 ? cut : end)) + pointer;
    }

    private static boolean fits(String text, int maxSegments) {
        return MessageText.of(text).segments() <= maxSegments;
    }

    /** where a user-perceived character starts or ends, so that a cut keeps each one whole */
    private static List<Integer> characterBoundaries(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        List<Integer> boundaries = new ArrayList<>();
        for (int boundary = characters.first(); boundary != BreakIterator.DONE; boundary = characters.next()) {
            boundaries.add(boundary);
        }
        return boundaries;
    }

    private static int lastSpaceBefore(String text, int end) {
        for (int i = end - 1; i > 0; i--) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutDanglingEnd(String text) {
        int end = text.length();
        while (end > 0 && (isSpace(text.charAt(end - 1)) || DANGLING.indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
