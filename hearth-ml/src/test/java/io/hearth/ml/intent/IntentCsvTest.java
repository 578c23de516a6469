package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntentCsvTest {

    @Test
    void readsQuotedFieldsInAnyColumnOrder() {
        String csv = "\uFEFFintent,Utterance,notes\r\n"
                + "order_status,\"Where is my order, please?\",x\r\n"
                + "refund,\"He said \"\"refund me\"\"\nnow\",\n"
                + "\n";
        assertThat(IntentCsv.parse(csv))
                .containsExactly(
                        new IntentExample("Where is my order, please?", "order_status"),
                        new IntentExample("He said \"refund me\"\nnow", "refund"));
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> IntentCsv.parse("text,intent\nhi,greet\n"))
                .isInstanceOfSatisfying(MalformedIntentCsv.class, problem -> {
                    assertThat(problem.record()).isEqualTo(1);
                    assertThat(problem.field()).isEqualTo("utterance");
                });
    }

    @Test
    void namesTheRecordAndFieldOfAnEmptyValue() {
        assertThatThrownBy(() -> IntentCsv.parse("utterance,intent\nhello,greet\n\"  \",greet\n"))
                .isInstanceOfSatisfying(MalformedIntentCsv.class, problem -> {
                    assertThat(problem.record()).isEqualTo(3);
                    assertThat(problem.field()).isEqualTo("utterance");
                });
        assertThatThrownBy(() -> IntentCsv.parse("utterance,intent\nhello\n"))
                .isInstanceOfSatisfying(
                        MalformedIntentCsv.class,
                        problem -> assertThat(problem.field()).isEqualTo("intent"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> IntentCsv.parse("")).isInstanceOf(MalformedIntentCsv.class);
    }
}
