package io.hearth.ml.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * The constants and word lists of the rules. The weights are the empirically derived values from
 * the VADER paper; the word lists are ours (common English negators and degree adverbs).
 */
final class ValenceRules {

    /** Added to the magnitude for a boosting adverb ("very good"), subtracted for a damper. */
    static final double BOOST = 0.293;
    /** Added to the magnitude of a word written in capitals amid lower-case text. */
    static final double CAPS = 0.733;
    /** A negated word flips and shrinks: "not good" is less negative than "bad" is. */
    static final double NEGATION = -0.74;
    /** Before "but" a clause counts half, after it one and a half. */
    static final double BEFORE_BUT = 0.5;

    static final double AFTER_BUT = 1.5;
    static final double EXCLAMATION = 0.292;
    static final int MAX_EXCLAMATIONS = 4;
    static final double FEW_QUESTIONS = 0.18;
    static final double MANY_QUESTIONS = 0.96;
    /** Normalization constant of the compound score, x / sqrt(x² + alpha). */
    static final double ALPHA = 15;

    static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "nowhere",
            "neither",
            "nor",
            "cannot",
            "cant",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "arent",
            "wasnt",
            "werent",
            "wont",
            "wouldnt",
            "shouldnt",
            "couldnt",
            "hasnt",
            "havent",
            "hadnt",
            "aint",
            "mustnt",
            "neednt",
            "without",
            "rarely",
            "seldom",
            "nope");

    static final Map<String, Double> DEGREE = Map.ofEntries(
            Map.entry("absolutely", BOOST),
            Map.entry("amazingly", BOOST),
            Map.entry("awfully", BOOST),
            Map.entry("completely", BOOST),
            Map.entry("considerably", BOOST),
            Map.entry("deeply", BOOST),
            Map.entry("enormously", BOOST),
            Map.entry("entirely", BOOST),
            Map.entry("especially", BOOST),
            Map.entry("exceptionally", BOOST),
            Map.entry("extremely", BOOST),
            Map.entry("fully", BOOST),
            Map.entry("greatly", BOOST),
            Map.entry("highly", BOOST),
            Map.entry("hugely", BOOST),
            Map.entry("incredibly", BOOST),
            Map.entry("intensely", BOOST),
            Map.entry("most", BOOST),
            Map.entry("more", BOOST),
            Map.entry("particularly", BOOST),
            Map.entry("quite", BOOST),
            Map.entry("really", BOOST),
            Map.entry("remarkably", BOOST),
            Map.entry("so", BOOST),
            Map.entry("super", BOOST),
            Map.entry("thoroughly", BOOST),
            Map.entry("too", BOOST),
            Map.entry("totally", BOOST),
            Map.entry("tremendously", BOOST),
            Map.entry("truly", BOOST),
            Map.entry("unbelievably", BOOST),
            Map.entry("utterly", BOOST),
            Map.entry("very", BOOST),
            Map.entry("almost", -BOOST),
            Map.entry("barely", -BOOST),
            Map.entry("hardly", -BOOST),
            Map.entry("kinda", -BOOST),
            Map.entry("less", -BOOST),
            Map.entry("little", -BOOST),
            Map.entry("marginally", -BOOST),
            Map.entry("occasionally", -BOOST),
            Map.entry("partly", -BOOST),
            Map.entry("scarcely", -BOOST),
            Map.entry("slightly", -BOOST),
            Map.entry("somewhat", -BOOST),
            Map.entry("sorta", -BOOST),
            Map.entry("fairly", -BOOST));

    private ValenceRules() {}

    static boolean negates(String lowerWord) {
        return NEGATORS.contains(lowerWord.replace("'", "").replace("’", "")) || lowerWord.endsWith("n't");
    }
}
