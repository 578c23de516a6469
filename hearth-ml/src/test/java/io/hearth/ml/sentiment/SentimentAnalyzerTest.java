package io.hearth.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentAnalyzerTest {

    private final SentimentAnalyzer analyzer = new SentimentAnalyzer(SentimentLexicon.of(
            Map.of("good", 1.9, "great", 3.1, "bad", -2.5, "slow", -1.0, "nice", 1.8, ":)", 2.0, "love", 3.2)));

    private double compound(String text) {
        return analyzer.score(text).compound();
    }

    @Test
    void aLexiconWordGivesItsPolarity() {
        assertThat(analyzer.score("The parcel was good").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(analyzer.score("The parcel was bad").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyzer.score("The parcel arrived on Monday").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void negationFlipsAndDampens() {
        assertThat(compound("it is not good")).isNegative().isGreaterThan(compound("it is bad"));
        assertThat(compound("it isn't bad")).isPositive();
        assertThat(compound("never so good")).isGreaterThan(compound("good"));
    }

    @Test
    void degreeAdverbsStrengthenOrWeaken() {
        assertThat(compound("very good")).isGreaterThan(compound("good"));
        assertThat(compound("slightly good")).isLessThan(compound("good")).isPositive();
        assertThat(compound("extremely bad")).isLessThan(compound("bad"));
    }

    @Test
    void capitalsAmidLowerCaseAreEmphasis() {
        assertThat(compound("the service was GOOD")).isGreaterThan(compound("the service was good"));
        assertThat(compound("GOOD")).isEqualTo(compound("good"));
    }

    @Test
    void theClauseAfterButDominates() {
        assertThat(compound("the staff was nice but the delivery was slow"))
                .isLessThan(compound("the delivery was slow") / 2);
        assertThat(compound("slow delivery but great support")).isPositive();
    }

    @Test
    void exclamationMarksAddEmphasisUpToFour() {
        assertThat(compound("good!")).isGreaterThan(compound("good"));
        assertThat(compound("good!!!!!!!")).isEqualTo(compound("good!!!!"));
        assertThat(compound("bad!!")).isLessThan(compound("bad"));
    }

    @Test
    void emoticonsSurviveTokenizing() {
        assertThat(SentimentAnalyzer.tokens("thanks :) see you.")).containsExactly("thanks", ":)", "see", "you");
        assertThat(compound("thanks :)")).isPositive();
    }

    @Test
    void proportionsAddUpToOne() {
        SentimentScore score = analyzer.score("I love it but the delivery was slow");
        assertThat(score.positive() + score.negative() + score.neutral())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(analyzer.score("").neutral()).isEqualTo(1.0);
    }

    @Test
    void lexiconLinesAreParsedAndScaled() {
        SentimentLexicon lexicon = SentimentLexicon.parse(List.of("# comment", "Happy\t3", "", "sad\t-2\textra"), 0.8);
        assertThat(lexicon.valence("happy")).contains(2.4000000000000004);
        assertThat(lexicon.valence("SAD")).contains(-1.6);
        assertThatThrownBy(() -> SentimentLexicon.parse(List.of("broken"), 1)).hasMessageContaining("line 1");
    }
}
