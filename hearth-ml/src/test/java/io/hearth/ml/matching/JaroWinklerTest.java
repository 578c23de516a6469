package io.hearth.ml.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from Winkler (1990) and the usual worked examples, to three decimals. */
class JaroWinklerTest {

    @Test
    void matchesThePublishedReferenceValues() {
        assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.0005));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.0005));
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.0005));
        assertThat(JaroWinkler.similarity("JELLYFISH", "SMELLYFISH")).isCloseTo(0.896, within(0.0005));
    }

    @Test
    void jaroAloneLeavesOutThePrefixBoost() {
        assertThat(JaroWinkler.jaro("MARTHA", "MARHTA")).isCloseTo(0.944, within(0.0005));
        assertThat(JaroWinkler.jaro("DWAYNE", "DUANE")).isCloseTo(0.822, within(0.0005));
        assertThat(JaroWinkler.jaro("DIXON", "DICKSONX")).isCloseTo(0.767, within(0.0005));
    }

    @Test
    void equalStringsAreOneAndDisjointOnesZero() {
        assertThat(JaroWinkler.similarity("ADA", "ADA")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("ADA", "")).isZero();
        assertThat(JaroWinkler.similarity("ABC", "XYZ")).isZero();
    }

    @Test
    void isSymmetric() {
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isEqualTo(JaroWinkler.similarity("DICKSONX", "DIXON"));
    }

    @Test
    void aSharedPrefixDoesNotLiftUnrelatedStrings() {
        double jaro = JaroWinkler.jaro("ANNA", "ALBERTO");

        assertThat(jaro).isLessThan(0.7);
        assertThat(JaroWinkler.similarity("ANNA", "ALBERTO")).isEqualTo(jaro);
    }
}
