package io.hearth.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsentFromSegmentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CustomerId ANNA = CustomerId.of("cust-anna");

    @Test
    void identifyConsentObjectAnswersPerPurposeAndPerChannel() {
        List<ConsentChange> changes = extract("""
                {"type": "identify", "userId": "anna", "messageId": "m-1", "timestamp": "2026-11-20T10:00:00Z",
                 "traits": {"email": "anna@example.com",
                            "consent": {"marketing": {"email": true, "sms": false}, "analytics": false,
                                        "Profiling": true, "advertising": true, "personalization": "yes"}}}
                """);

        assertThat(changes)
                .containsExactly(
                        change(Purpose.MARKETING, Channel.EMAIL, true, "identify"),
                        change(Purpose.MARKETING, Channel.SMS, false, "identify"),
                        change(Purpose.ANALYTICS, Channel.ANY, false, "identify"),
                        change(Purpose.PROFILING, Channel.ANY, true, "identify"));
    }

    @Test
    void flatOptInTraitsAnswerMarketing() {
        List<ConsentChange> changes = extract("""
                {"type": "identify", "messageId": "m-1", "timestamp": "2026-11-20T10:00:00Z",
                 "traits": {"marketing_opt_in": true, "email_opt_in": true, "sms_opt_in": false, "push_opt_in": "n/a"}}
                """);

        assertThat(changes)
                .containsExactlyInAnyOrder(
                        change(Purpose.MARKETING, Channel.ANY, true, "identify"),
                        change(Purpose.MARKETING, Channel.EMAIL, true, "identify"),
                        change(Purpose.MARKETING, Channel.SMS, false, "identify"));
    }

    @Test
    void theConsentObjectWinsOverAFlatOptInForTheSameAnswer() {
        List<ConsentChange> changes = extract("""
                {"type": "identify", "messageId": "m-1", "timestamp": "2026-11-20T10:00:00Z",
                 "traits": {"email_opt_in": true, "consent": {"marketing": {"email": false}}}}
                """);

        assertThat(changes).containsExactly(change(Purpose.MARKETING, Channel.EMAIL, false, "identify"));
    }

    @Test
    void segmentCategoryPreferencesCountOnAnyMessage() {
        List<ConsentChange> changes = extract("""
                {"type": "track", "event": "Product Viewed", "messageId": "m-1", "timestamp": "2026-11-20T10:00:00Z",
                 "context": {"consent": {"categoryPreferences": {"marketing": true, "analytics": false,
                                                                 "Advertising": true, "functional": true}}}}
                """);

        assertThat(changes)
                .containsExactly(
                        change(Purpose.MARKETING, Channel.ANY, true, "context.consent"),
                        change(Purpose.ANALYTICS, Channel.ANY, false, "context.consent"));
    }

    @Test
    void traitsOfOtherMessagesAreNotConsent() {
        assertThat(extract("""
                        {"type": "track", "event": "Signed Up", "traits": {"marketing_opt_in": true},
                         "properties": {"consent": {"marketing": true}}}
                        """)).isEmpty();
    }

    @Test
    void withoutTimeOrMessageIdTheChangeIsTimedWhenRecorded() {
        List<ConsentChange> changes = extract("""
                {"type": "identify", "traits": {"marketing_opt_in": false}}
                """);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.occurredAt()).isNull();
            assertThat(change.proof()).isNull();
        });
    }

    @Test
    void aTimestampWithAnOffsetIsConvertedToAnInstant() {
        List<ConsentChange> changes = extract("""
                {"type": "identify", "timestamp": "2026-11-20T11:00:00.123456789+01:00", "traits": {"sms_opt_in": true}}
                """);

        assertThat(changes)
                .singleElement()
                .extracting(ConsentChange::occurredAt)
                .isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
    }

    private static List<ConsentChange> extract(String message) {
        JsonNode node = JSON.readTree(message);
        return PrivacyManagement.consentsFromSegment(ANNA, node);
    }

    private static ConsentChange change(Purpose purpose, Channel channel, boolean granted, String source) {
        return new ConsentChange(
                ANNA, purpose, channel, granted, source, Instant.parse("2026-11-20T10:00:00Z"), "messageId=m-1");
    }
}
