package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.sentiment.SentimentAnalyzer;
import io.hearth.ml.sentiment.SentimentLexicon;
import org.junit.jupiter.api.Test;

/** The default lexicon: VADER's own (from its Maven artifact) under Hearth's retail words. */
class SupportLexiconTest {

    private final SentimentLexicon lexicon =
            SupportModels.lexicon(new SupportSettings(null, "[A-Za-z]{0,4}-?\\d{4,10}", 1));

    @Test
    void vadersFullLexiconIsThereWithHearthsRetailWordsOnTop() {
        assertThat(lexicon.size()).isGreaterThan(7000);
        // words only VADER has
        assertThat(lexicon.valence("pathetic"))
                .hasValueSatisfying(v -> assertThat(v).isLessThan(-2));
        assertThat(lexicon.valence("adorable"))
                .hasValueSatisfying(v -> assertThat(v).isGreaterThan(1.5));
        // a retail word VADER lacks: a late parcel is bad news in support
        assertThat(lexicon.valence("late"))
                .hasValueSatisfying(v -> assertThat(v).isNegative());
    }

    @Test
    void wordsOnlyVaderKnowsNowMoveTheScore() {
        SentimentAnalyzer analyzer = new SentimentAnalyzer(lexicon);

        assertThat(analyzer.score("the packaging was pathetic and ugly").compound())
                .isLessThan(-0.5);
        assertThat(analyzer.score("where is my order 10002").compound()).isZero();
    }
}
