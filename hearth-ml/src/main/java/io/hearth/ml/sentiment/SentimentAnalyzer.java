package io.hearth.ml.sentiment;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule-based sentiment in the manner of VADER: each lexicon word's valence is adjusted by the up to
 * three words before it (degree adverbs, negators), by capitals used for emphasis, by "least" and
 * by a contrasting "but"; the sum gets an emphasis bonus for "!" and "?" and is squashed into a
 * compound score in [-1, 1]. Needs no training, so it works for a shop on day one.
 */
public final class SentimentAnalyzer {

    private final SentimentLexicon lexicon;

    public SentimentAnalyzer(SentimentLexicon lexicon) {
        this.lexicon = requireNonNull(lexicon, "lexicon is null");
    }

    public SentimentScore score(String text) {
        requireNonNull(text, "text is null");
        List<String> tokens = tokens(text);
        boolean capsEmphasis = capsEmphasis(tokens);
        List<Double> valences = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            valences.add(valence(tokens, i, capsEmphasis));
        }
        applyBut(tokens, valences);
        return ValenceSums.score(valences, text);
    }

    private double valence(List<String> tokens, int i, boolean capsEmphasis) {
        String word = tokens.get(i);
        String lower = word.toLowerCase(Locale.ROOT);
        boolean kindOf = lower.equals("kind")
                && i + 1 < tokens.size()
                && lower(tokens, i + 1).equals("of");
        if (ValenceRules.DEGREE.containsKey(lower) || kindOf) {
            return 0;
        }
        double valence = lexicon.valence(lower).orElse(0.0);
        if (valence == 0) {
            return 0;
        }
        if (capsEmphasis && shouting(word)) {
            valence += Math.signum(valence) * ValenceRules.CAPS;
        }
        for (int distance = 1; distance <= 3 && i - distance >= 0; distance++) {
            valence = adjustByPrevious(tokens, i, distance, valence, capsEmphasis);
        }
        if (i > 0 && lower(tokens, i - 1).equals("least") && (i < 2 || !atOrVery(lower(tokens, i - 2)))) {
            valence *= ValenceRules.NEGATION;
        }
        return valence;
    }

    /** The effect of the word {@code distance} places before word {@code i}. */
    private double adjustByPrevious(List<String> tokens, int i, int distance, double valence, boolean capsEmphasis) {
        String previous = tokens.get(i - distance);
        String lower = previous.toLowerCase(Locale.ROOT);
        double adjusted = valence;
        if (!lexicon.contains(lower)) {
            double damping = distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9;
            adjusted += degree(previous, valence, capsEmphasis) * damping;
        }
        if (ValenceRules.negates(lower)) {
            // "never so good" intensifies rather than negates
            boolean neverSo = lower.equals("never") && distance > 1 && isSoOrThis(lower(tokens, i - distance + 1));
            boolean withoutDoubt =
                    lower.equals("without") && lower(tokens, i - distance + 1).equals("doubt");
            if (neverSo) {
                return adjusted * 1.25;
            }
            return withoutDoubt ? adjusted : adjusted * ValenceRules.NEGATION;
        }
        return adjusted;
    }

    private static double degree(String word, double valence, boolean capsEmphasis) {
        Double scalar = ValenceRules.DEGREE.get(word.toLowerCase(Locale.ROOT));
        if (scalar == null) {
            return 0;
        }
        double signed = valence < 0 ? -scalar : scalar;
        if (capsEmphasis && shouting(word)) {
            signed += Math.signum(signed) * ValenceRules.CAPS;
        }
        return signed;
    }

    /** Words before "but" count half, words after it one and a half ("nice but too slow"). */
    private static void applyBut(List<String> tokens, List<Double> valences) {
        int but = -1;
        for (int i = 0; i < tokens.size() && but < 0; i++) {
            but = lower(tokens, i).equals("but") ? i : -1;
        }
        for (int i = 0; but >= 0 && i < valences.size(); i++) {
            if (i != but) {
                valences.set(i, valences.get(i) * (i < but ? ValenceRules.BEFORE_BUT : ValenceRules.AFTER_BUT));
            }
        }
    }

    /**
     * Whitespace tokens with punctuation trimmed from their ends, unless trimming would leave at
     * most two characters (which keeps emoticons such as ":)" and ":-(" whole).
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.strip().split("\\s+")) {
            String trimmed = raw.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
            String token = trimmed.length() <= 2 && raw.length() > trimmed.length() ? raw : trimmed;
            if (token.length() > 1 || (token.length() == 1 && Character.isLetterOrDigit(token.charAt(0)))) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Capitals are emphasis only when some words are in capitals and others are not. */
    private static boolean capsEmphasis(List<String> tokens) {
        long shouted = tokens.stream().filter(SentimentAnalyzer::shouting).count();
        return shouted > 0 && shouted < tokens.size();
    }

    private static boolean shouting(String word) {
        return word.chars().anyMatch(Character::isLetter)
                && word.chars().filter(Character::isLetter).count() > 1
                && word.equals(word.toUpperCase(Locale.ROOT));
    }

    private static String lower(List<String> tokens, int i) {
        return tokens.get(i).toLowerCase(Locale.ROOT);
    }

    private static boolean isSoOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    private static boolean atOrVery(String word) {
        return word.equals("at") || word.equals("very");
    }
}
