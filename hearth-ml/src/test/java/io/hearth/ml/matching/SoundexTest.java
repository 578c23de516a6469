package io.hearth.ml.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Examples from the US National Archives' description of the Soundex indexing system. */
class SoundexTest {

    @Test
    void encodesTheNationalArchivesExamples() {
        assertThat(Soundex.encode("Washington")).isEqualTo("W252");
        assertThat(Soundex.encode("Lee")).isEqualTo("L000");
        assertThat(Soundex.encode("Gutierrez")).isEqualTo("G362");
        assertThat(Soundex.encode("Pfister")).isEqualTo("P236");
        assertThat(Soundex.encode("Jackson")).isEqualTo("J250");
        assertThat(Soundex.encode("Tymczak")).isEqualTo("T522");
        assertThat(Soundex.encode("Ashcraft")).isEqualTo("A261");
    }

    @Test
    void namesThatSoundAlikeShareACode() {
        assertThat(Soundex.encode("Robert")).isEqualTo(Soundex.encode("Rupert"));
        assertThat(Soundex.encode("Smith")).isEqualTo(Soundex.encode("Smyth"));
    }

    @Test
    void ignoresWhatIsNotALetter() {
        assertThat(Soundex.encode("O'Brien")).isEqualTo("O165");
        assertThat(Soundex.encode("42")).isEmpty();
    }
}
