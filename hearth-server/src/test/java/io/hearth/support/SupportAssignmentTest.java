package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An escalated conversation is assigned to an agent, found in her queue, and freed on hand-back. */
@HearthTest
class SupportAssignmentTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void anAgentTakesAnEscalatedConversationAndHandingItBackFreesIt() {
        String mine = escalated();
        String other = escalated();

        Api.Response assigned = shop.post("/v1/support/conversations/" + mine + "/assign", "{\"agent\":\"sam\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("assignedTo").asString()).isEqualTo("sam");

        JsonNode samsQueue = shop.get("/v1/support/queue?assignee=sam").json().get("data");
        assertThat(samsQueue).hasSize(1);
        assertThat(samsQueue.get(0).get("conversationId").asString()).isEqualTo(mine);
        assertThat(shop.get("/v1/support/queue").json().get("data")).hasSize(2);

        Api.Response forCustomer = shop.api.get("/v1/support/conversations/" + mine, basic(shop.shop.writeKey()));
        assertThat(forCustomer.json().hasNonNull("assignedTo"))
                .as("the customer is not told")
                .isFalse();

        shop.post("/v1/support/conversations/" + mine + "/hand-back", "");
        assertThat(shop.get("/v1/support/conversations/" + mine).json().hasNonNull("assignedTo"))
                .isFalse();
        assertThat(shop.get("/v1/support/queue?assignee=sam").json().get("data"))
                .isEmpty();
        Api.Response notEscalated = shop.post("/v1/support/conversations/" + mine + "/assign", "{\"agent\":\"sam\"}");
        assertThat(notEscalated.status()).isEqualTo(409);
        assertThat(notEscalated.body()).contains("support.not-escalated");

        Api.Response blank = shop.post("/v1/support/conversations/" + other + "/assign", "{\"agent\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("/agent");
        Api.Response byWriteKey = shop.api.post(
                "/v1/support/conversations/" + other + "/assign", basic(shop.shop.writeKey()), "{\"agent\":\"eve\"}");
        assertThat(byWriteKey.status()).isIn(401, 403);
    }

    private String escalated() {
        String conversation = shop.start(null);
        JsonNode reply = shop.say(conversation, "I want to talk to a human");
        assertThat(reply.get("conversation").get("state").asString()).isEqualTo("ESCALATED");
        return conversation;
    }
}
