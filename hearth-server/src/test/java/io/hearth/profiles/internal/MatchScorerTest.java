package io.hearth.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.profiles.internal.MatchScorer.MatchScore;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MatchScorerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ADA = """
            {"firstName":"Ada","lastName":"Lovelace","phone":"+44 20 7946 0958",
             "address":{"street":"12 High Street","city":"London","postalCode":"SW1A 1AA"}}""";

    @Test
    void theSamePersonWrittenDifferentlyScoresNearlyOne() {
        MatchFields typed = fields("""
                {"first_name":"ADA","last_name":"Lovelace","phone":"020 7946 0958",
                 "address":{"street":"12 high st.","city":"LONDON","postalCode":"sw1a1aa"}}""");

        MatchScore score = MatchScorer.score(fields(ADA), typed).orElseThrow();

        assertThat(score.score()).isEqualTo(1.0);
        assertThat(score.similarities()).containsOnlyKeys("firstName", "lastName", "addressLine", "locality", "phone");
    }

    @Test
    void aMistypedPhoneAndAccentStillScoreAboveTheReviewThreshold() {
        MatchFields other = fields("""
                {"firstName":"Adá","lastName":"Lovelace","phone":"+44 20 7946 0985",
                 "address":{"street":"12 High Street","city":"London","postalCode":"SW1A 1AA"}}""");

        MatchScore score = MatchScorer.score(fields(ADA), other).orElseThrow();

        assertThat(score.similarities().get("phone")).isBetween(0.9, 0.99);
        assertThat(score.score()).isGreaterThan(0.95).isLessThan(1.0);
    }

    @Test
    void aRelativeAtTheSamePostalCodeStaysBelowTheReviewThreshold() {
        MatchFields byron = fields("""
                {"firstName":"Byron","lastName":"Lovelace","phone":"+44 161 496 0000",
                 "address":{"street":"7 Garden Lane","city":"London","postalCode":"SW1A 1AA"}}""");

        MatchScore score = MatchScorer.score(fields(ADA), byron).orElseThrow();

        assertThat(score.score()).isLessThan(0.85);
    }

    @Test
    void fieldsOneSideLacksAreLeftOutOfTheScore() {
        MatchFields noPhone = fields("""
                {"name":"Ada Lovelace","address":{"street":"12 High Street","city":"London","postalCode":"SW1A 1AA"}}""");

        MatchScore score = MatchScorer.score(fields(ADA), noPhone).orElseThrow();

        assertThat(score.similarities()).doesNotContainKey("phone");
        assertThat(score.score()).isEqualTo(1.0);
    }

    @Test
    void aNameAloneIsNotEnoughEvidence() {
        Optional<MatchScore> score =
                MatchScorer.score(fields(ADA), fields("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}"));

        assertThat(score).isEmpty();
    }

    @Test
    void weightsAddUpToOne() {
        assertThat(MatchScorer.FIRST_NAME
                        + MatchScorer.LAST_NAME
                        + MatchScorer.ADDRESS_LINE
                        + MatchScorer.LOCALITY
                        + MatchScorer.PHONE)
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void blockingKeysPairTheSoundOfTheLastNameWithPostalCodePhoneAndCity() {
        assertThat(fields(ADA).blockingKeys())
                .containsExactly("postal:L142:SW1A1AA", "phone:L142:0958", "city:L142:A:LONDON");
        assertThat(fields("{\"firstName\":\"Ada\",\"phone\":\"+44 20 7946 0958\"}")
                        .blockingKeys())
                .isEmpty();
    }

    private static MatchFields fields(String traits) {
        return MatchFields.of(JSON.readTree(traits));
    }
}
