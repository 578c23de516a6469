package io.hearth.ml.sentiment;

import java.util.List;

/** Turns per-word valences into VADER's compound and proportion scores. */
final class ValenceSums {

    private ValenceSums() {}

    static SentimentScore score(List<Double> valences, String text) {
        if (valences.isEmpty()) {
            return new SentimentScore(0, 0, 0, 1);
        }
        double sum = valences.stream().mapToDouble(Double::doubleValue).sum();
        double emphasis = punctuationEmphasis(text);
        double compound = 0;
        if (sum != 0) {
            double emphasized = sum + Math.signum(sum) * emphasis;
            compound = Math.max(-1, Math.min(1, emphasized / Math.sqrt(emphasized * emphasized + ValenceRules.ALPHA)));
        }
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double valence : valences) {
            if (valence > 0) {
                positive += valence + 1;
            } else if (valence < 0) {
                negative += valence - 1;
            } else {
                neutral++;
            }
        }
        if (positive > Math.abs(negative)) {
            positive += emphasis;
        } else if (positive < Math.abs(negative)) {
            negative -= emphasis;
        }
        double total = positive + Math.abs(negative) + neutral;
        return new SentimentScore(compound, positive / total, Math.abs(negative) / total, neutral / total);
    }

    /** "!" adds emphasis (up to four count); two or more "?" add a little, many add more. */
    static double punctuationEmphasis(String text) {
        long exclamations = Math.min(text.chars().filter(c -> c == '!').count(), ValenceRules.MAX_EXCLAMATIONS);
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = 0;
        if (questions > 1) {
            questionEmphasis = questions <= 3 ? questions * ValenceRules.FEW_QUESTIONS : ValenceRules.MANY_QUESTIONS;
        }
        return exclamations * ValenceRules.EXCLAMATION + questionEmphasis;
    }
}
