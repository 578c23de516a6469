package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every kind of entity hearth-ml finds is kept with the message and summed up in the context package. */
@HearthTest
class SupportEntitiesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Clock clock;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void orderNumbersSkusEmailsAmountsAndDatesAreKeptAndShownOnceEachInTheContext() {
        String conversation = shop.start(null);

        JsonNode first = shop.say(
                conversation,
                "I was charged € 12,50 twice for order #10002 on 3 March 2026 for TSH-1234-XL,"
                        + " please write to Anna.B@Example.com");
        shop.say(conversation, "I want to talk to a human about 10002, I wrote yesterday too");

        assertThat(entities(first.get("customerMessage")))
                .containsExactly(
                        tuple("AMOUNT", "€ 12,50", "12.50", "EUR"),
                        tuple("ORDER_NUMBER", "#10002", "10002", null),
                        tuple("DATE", "3 March 2026", "2026-03-03", null),
                        tuple("SKU", "TSH-1234-XL", "TSH-1234-XL", null),
                        tuple("EMAIL", "Anna.B@Example.com", "anna.b@example.com", null));
        assertThat(first.get("customerMessage").get("orderNumbers").get(0).asString())
                .isEqualTo("10002");

        // read back from the database, not from the reply
        JsonNode stored = shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(entities(stored.get("messages").get(0))).hasSize(5);
        assertThat(entities(stored.get("messages").get(1)))
                .as("the assistant's answer names nothing")
                .isEmpty();

        JsonNode context = shop.get("/v1/support/conversations/" + conversation + "/context")
                .json();
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        assertThat(entities(context))
                .extracting(t -> t.toList().get(0) + ":" + t.toList().get(2))
                .containsExactly(
                        "AMOUNT:12.50",
                        "ORDER_NUMBER:10002",
                        "DATE:2026-03-03",
                        "SKU:TSH-1234-XL",
                        "EMAIL:anna.b@example.com",
                        "DATE:" + yesterday);
        assertThat(context.get("orderNumbers").get(0).asString()).isEqualTo("10002");
    }

    private static List<org.assertj.core.groups.Tuple> entities(JsonNode holder) {
        List<org.assertj.core.groups.Tuple> found = new ArrayList<>();
        JsonNode entities = holder.get("entities");
        assertThat(entities).as("entities of " + holder).isNotNull();
        entities.forEach(e -> found.add(tuple(
                e.get("kind").asString(),
                e.get("text").asString(),
                e.get("value").asString(),
                e.has("currency") && !e.get("currency").isNull()
                        ? e.get("currency").asString()
                        : null)));
        return found;
    }
}
