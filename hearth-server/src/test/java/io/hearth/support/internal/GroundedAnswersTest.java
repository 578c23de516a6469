package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.retrieval.Passage;
import io.hearth.ml.retrieval.RetrievedPassage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The checks a generated answer must pass before a customer reads it, and a closed port. */
class GroundedAnswersTest {

    static final List<RetrievedPassage> PASSAGES = List.of(
            passage("shipping", "Standard delivery takes 2 to 4 working days within Germany."),
            passage("payment", "We accept Visa, Mastercard, PayPal and Klarna."));

    @Test
    void anAnswerCitingItsPassagesIsKeptWithoutTheMarks() {
        var answer =
                GroundedAnswers.check("You can pay with PayPal [2], and delivery takes 2 to 4 days [1].", PASSAGES);
        assertThat(answer).isInstanceOf(GroundedAnswers.Generation.Answered.class);
        var answered = (GroundedAnswers.Generation.Answered) answer;
        assertThat(answered.text()).isEqualTo("You can pay with PayPal, and delivery takes 2 to 4 days.");
        assertThat(answered.cited()).extracting(p -> p.passage().articleId()).containsExactly("payment", "shipping");
    }

    @Test
    void noCitationAWrongCitationAnInventedNumberOrNoAnswerAreRefused() {
        assertThat(GroundedAnswers.check("Delivery is quick.", PASSAGES))
                .isEqualTo(new GroundedAnswers.Generation.Refused("cites no passage"));
        assertThat(GroundedAnswers.check("Delivery is quick [3].", PASSAGES))
                .isEqualTo(new GroundedAnswers.Generation.Refused("cites passage [3], which it was not given"));
        assertThat(GroundedAnswers.check("Delivery takes 2 to 4 days, 10 in Austria [1].", PASSAGES))
                .isEqualTo(new GroundedAnswers.Generation.Refused("the number 10 is not in the cited passages"));
        assertThat(GroundedAnswers.check("NO_ANSWER", PASSAGES)).isInstanceOf(GroundedAnswers.Generation.Refused.class);
    }

    @Test
    void aClosedPortIsUnavailableAndGenerationOffAsksNothing() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JsonMapper json = JsonMapper.builder().build();
        var on = new GroundedAnswers(
                new GenerativeSettings(true, "http://127.0.0.1:" + closed, "m", "", Duration.ofSeconds(2)), json);
        assertThat(on.answer("how long is delivery", PASSAGES))
                .isInstanceOf(GroundedAnswers.Generation.Unavailable.class);
        var off = new GroundedAnswers(new GenerativeSettings(false, "", "", "", Duration.ofSeconds(2)), json);
        assertThat(off.answer("how long is delivery", PASSAGES)).isSameAs(GroundedAnswers.NONE);
    }

    private static RetrievedPassage passage(String id, String text) {
        return new RetrievedPassage(new Passage(id, id, "https://shop.example/" + id, "", text, 0), 1, 1, 1, 0.9);
    }
}
