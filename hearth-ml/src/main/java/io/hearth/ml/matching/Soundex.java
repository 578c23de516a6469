package io.hearth.ml.matching;

import java.util.Locale;

/**
 * American Soundex (the US census rules): the first letter, then up to three digits for the
 * consonant groups that follow, so that ROBERT and RUPERT both read R163. Letters separated only by H
 * or W count once; vowels separate equal codes. Characters outside A-Z are ignored.
 */
public final class Soundex {

    //                                    ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {}

    /** The four-character code, or the empty string when the name has no letter A-Z. */
    public static String encode(String name) {
        String letters = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        if (letters.isEmpty()) {
            return "";
        }
        StringBuilder code = new StringBuilder(4).append(letters.charAt(0));
        char previous = codeOf(letters.charAt(0));
        for (int i = 1; i < letters.length() && code.length() < 4; i++) {
            char letter = letters.charAt(i);
            char digit = codeOf(letter);
            if (digit != '0' && digit != previous) {
                code.append(digit);
            }
            if (letter != 'H' && letter != 'W') {
                previous = digit;
            }
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }

    private static char codeOf(char letter) {
        return CODES.charAt(letter - 'A');
    }
}
