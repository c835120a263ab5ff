package org.risala.records;

import java.text.Normalizer;

/**
 * What Arabic and mixed keyboards add to a typed text that carries no meaning for a command: compatibility forms,
 * non-ASCII digits, invisible formatting characters, tatweel and diacritics.
 */
public final class ArabicText {

    private static final int TATWEEL = 0x0640;

    private ArabicText() {
    }

    /**
     * NFKC first, so that presentation forms (ﻻ, ﺏ) become plain letters and NBSP a space; then every decimal digit
     * (Arabic-Indic ٠-٩, Persian ۰-۹) becomes ASCII, and formatting characters (RLM, LRM, ALM, zero-width and bidi
     * controls), tatweel and Arabic diacritics (harakat, shadda, sukun, superscript alef) are dropped.
     */
    public static String clean(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder cleaned = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                cleaned.append((char) ('0' + Character.digit(cp, 10)));
            } else if (!isIgnorable(cp)) {
                cleaned.appendCodePoint(cp);
            }
        });
        return cleaned.toString();
    }

    /**
     * Folds the letter variants people use interchangeably: alef with hamza or madda and alef wasla → bare alef,
     * ta marbuta → ha (a final ة is very often typed ه), alef maqsura → ya (ى and ي are swapped the same way).
     */
    public static String foldLetters(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ة' -> 'ه';
            case 'ى' -> 'ي';
            default -> cp;
        }));
        return folded.toString();
    }

    public static boolean hasArabicLetter(String text) {
        return text.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
    }

    private static boolean isIgnorable(int cp) {
        return cp == TATWEEL
                || Character.getType(cp) == Character.FORMAT
                || (Character.getType(cp) == Character.NON_SPACING_MARK && isArabicBlock(cp));
    }

    /** by block, not by script: the harakat are of the "inherited" script */
    private static boolean isArabicBlock(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.ARABIC
                || block == Character.UnicodeBlock.ARABIC_SUPPLEMENT
                || block == Character.UnicodeBlock.ARABIC_EXTENDED_A;
    }
}
