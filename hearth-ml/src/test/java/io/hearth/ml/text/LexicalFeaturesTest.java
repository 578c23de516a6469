package io.hearth.ml.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {

    private final LexicalSettings settings = LexicalSettings.defaults();
    private final List<String> texts =
            List.of("refund my order", "Refund the order!", "track my parcel", "track order");

    @Test
    void keepsTermsSeenTwiceWithWordAndCharacterBlocksOfUnitLength() {
        LexicalFeatures features = LexicalFeatures.fit(texts, settings);
        SparseVector vector = features.transform("refund my order", settings);
        assertThat(vector.size()).isPositive();
        assertThat(LexicalFeatures.terms("Don't", settings)).contains("w:dont", "c: d", "c:nt ");
        double squares = 0;
        for (float value : vector.values()) {
            squares += value * value;
        }
        assertThat(squares).isCloseTo(2.0, within(1e-4));
        assertThat(features.transform("zzz qqq", settings).size()).isZero();
    }

    @Test
    void typosStillShareCharacterGrams() {
        LexicalFeatures features = LexicalFeatures.fit(texts, settings);
        assertThat(features.transform("refnud", settings).size()).isPositive();
    }

    @Test
    void writesAndReadsTheVocabulary() throws IOException {
        LexicalFeatures features = LexicalFeatures.fit(texts, settings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        features.write(new DataOutputStream(bytes));
        LexicalFeatures read = LexicalFeatures.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.size()).isEqualTo(features.size());
        assertThat(read.transform("track my order", settings))
                .usingRecursiveComparison()
                .isEqualTo(features.transform("track my order", settings));
    }
}
