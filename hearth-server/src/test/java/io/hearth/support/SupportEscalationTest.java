package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.hearth.predictions.CustomerEngagement;
import io.hearth.predictions.EngagementSource;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SupportEventsRecorder;
import io.hearth.testing.TestTenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Escalation rules, the priority queue with its why, the agents' work, SLA breaches and hand-back. */
@HearthTest
class SupportEscalationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    SupportEventsRecorder events;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    List<EngagementSource> engagementSources;

    @Autowired
    Clock clock;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void anExplicitRequestQueuesByATransparentPriorityThatAnAgentCanOverride() {
        shop.annaWithOrders();
        identify("anna", "{\"tier\":\"gold\"}");
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2,"
                + "\"queues\":[{\"name\":\"fast\",\"minPriority\":0,\"firstResponse\":\"PT2S\"}]}");
        String anna = shop.start("anna");
        String stranger = shop.start(null);

        JsonNode escalated = shop.say(anna, "I want to talk to a human");
        shop.say(stranger, "let me speak to a person");

        assertThat(escalated.get("escalation").asString()).isEqualTo("EXPLICIT_REQUEST");
        assertThat(escalated.get("answer").get("text").asString()).contains("colleague");
        assertThat(queue()).containsExactly(anna, stranger);
        JsonNode first = shop.get("/v1/support/queue").json().get("data").get(0);
        assertThat(factors(first)).contains("customer_value", "tier", "reason");
        assertThat(first.get("priority").asDouble()).isGreaterThan(15);

        JsonNode overridden = shop.post("/v1/support/conversations/" + stranger + "/priority", "{\"priority\":999}")
                .json();
        assertThat(overridden.get("priorityOverridden").asBoolean()).isTrue();
        assertThat(queue()).containsExactly(stranger, anna);
        assertThat(events.of(shop.shop.id(), SupportEscalated.class)).hasSize(2);
    }

    @Test
    void churnRiskFromThePredictionsFacadeIsATermOfThePriorityWithItsModelInTheWhy() {
        String customer = shop.annaWithOrders();
        String anna = shop.start("anna");

        shop.say(anna, "I want to talk to a human");

        JsonNode churn =
                shop.get("/v1/customers/" + customer + "/predictions").json().get("churnRisk");
        JsonNode term = term(conversation(anna), "churn_risk");
        assertThat(term).as("churn_risk in the why").isNotNull();
        assertThat(term.get("points").asDouble())
                .isCloseTo(Math.min(20, 20 * churn.get("value").asDouble()), org.assertj.core.data.Offset.offset(0.06));
        assertThat(term.get("detail").asString())
                .contains("churn risk", churn.get("modelVersion").asString());
        assertThat(shop.get("/v1/customers/" + customer + "/decisions").body())
                .contains("prediction.served")
                .contains("support:route/" + anna);
        assertThat(factors(conversation(shop.start(null)))).doesNotContain("churn_risk");
    }

    @Test
    void agentsSeeTheContextReplyAndHandBackAndAnUnansweredTicketBreachesItsSla() {
        shop.annaWithOrders();
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2,"
                + "\"queues\":[{\"name\":\"fast\",\"minPriority\":0,\"firstResponse\":\"PT2S\"}]}");
        String waiting = shop.start("anna");
        String answered = shop.start("anna");
        shop.say(waiting, "connect me with an agent about order 10002");
        shop.say(answered, "I need a human");

        JsonNode withAgent = shop.say(waiting, "hello? anyone there");
        assertThat(withAgent.has("answer")).isFalse();
        JsonNode context =
                shop.get("/v1/support/conversations/" + waiting + "/context").json();
        assertThat(context.get("profile").get("ordersCount").asLong()).isEqualTo(3);
        assertThat(context.get("recentOrders").size()).isEqualTo(3);
        assertThat(context.get("suggestedReplies").size()).isPositive();
        assertThat(context.get("conversation").get("messages").size()).isEqualTo(3);

        shop.post("/v1/support/conversations/" + answered + "/agent-replies", "{\"text\":\"Hi, Sam here.\"}");
        JsonNode noted = shop.post("/v1/support/conversations/" + answered + "/notes", "{\"text\":\"VIP, be kind\"}")
                .json();
        assertThat(authors(noted)).containsExactly("CUSTOMER", "ASSISTANT", "AGENT", "NOTE");

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        !events.of(shop.shop.id(), SupportSlaBreached.class).isEmpty());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> scheduler
                        .getScheduledExecution(TaskInstanceId.of("support-sla", answered))
                        .isEmpty());
        assertThat(events.of(shop.shop.id(), SupportSlaBreached.class))
                .extracting(SupportSlaBreached::conversationId)
                .containsExactly(UUID.fromString(waiting));
        assertThat(conversation(answered).has("slaBreachedAt")).isFalse();

        JsonNode back = shop.post("/v1/support/conversations/" + waiting + "/hand-back", "{}")
                .json();
        assertThat(back.get("state").asString()).isEqualTo("ASSISTANT");
        JsonNode automated = shop.say(waiting, "where is my order 10002");
        assertThat(automated.get("automation").asString()).isEqualTo("order_status");
        assertThat(shop.post("/v1/support/conversations/" + waiting + "/hand-back", "{}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aHighValueCustomerGoesToAnAgentByPolicyAndAnAngryMessageByItsSentiment() {
        shop.annaWithOrders();
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2,\"highValueRevenue\":100}");
        String anna = shop.start("anna");
        String stranger = shop.start(null);

        JsonNode valued = shop.say(anna, "where is my order 10002");
        JsonNode angry =
                shop.say(stranger, "This is terrible!! My parcel is late and nobody helps, worst service ever");

        assertThat(valued.get("escalation").asString()).isEqualTo("HIGH_VALUE");
        assertThat(valued.get("conversation").get("queue").asString()).isEqualTo("priority");
        assertThat(angry.get("escalation").asString()).isEqualTo("NEGATIVE_SENTIMENT");
        assertThat(angry.get("customerMessage").get("sentiment").asDouble()).isLessThan(-0.5);
        assertThat(factors(angry.get("conversation"))).contains("sentiment");
    }

    @Test
    void conversationsReachTheChurnModelAsContactsNegativeWhenTheCustomerWroteInAnger() {
        CustomerId anna = CustomerId.of(shop.annaWithOrders());
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2}");
        Instant beforeAny = clock.instant();
        shop.say(shop.start("anna"), "Where is my order 10001?");
        shop.say(shop.start("anna"), "This is terrible!! My parcel is late and nobody helps, worst service ever");

        assertThat(engagements(anna, clock.instant().plusSeconds(1)))
                .extracting(CustomerEngagement::kind)
                .containsExactlyInAnyOrder(
                        CustomerEngagement.Kind.SUPPORT_CONTACT, CustomerEngagement.Kind.NEGATIVE_SUPPORT_CONTACT);
        assertThat(engagements(anna, beforeAny))
                .as("nothing at or after the cut-off")
                .isEmpty();
    }

    private List<CustomerEngagement> engagements(CustomerId customer, Instant before) {
        return engagementSources.stream()
                .flatMap(source -> source.engagements(shop.shop.id(), List.of(customer), before).stream())
                .toList();
    }

    private void identify(String user, String traits) {
        String body = "{\"userId\":\"" + user + "\",\"messageId\":\"id-" + UUID.randomUUID() + "\",\"traits\":" + traits
                + "}";
        assertThat(shop.api
                        .post("/v1/identify", basic(shop.shop.writeKey()), body)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> shop.get("/v1/customers/" + shop.customerId(user))
                        .body()
                        .contains("gold"));
    }

    private void policy(String json) {
        Api.Response saved = shop.api.put("/v1/support/admin/policy", bearer(shop.shop.adminKey()), json);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private List<String> queue() {
        List<String> ids = new ArrayList<>();
        shop.get("/v1/support/queue")
                .json()
                .get("data")
                .forEach(c -> ids.add(c.get("conversationId").asString()));
        return ids;
    }

    private JsonNode conversation(String id) {
        return shop.get("/v1/support/conversations/" + id).json();
    }

    private static List<String> factors(JsonNode conversation) {
        List<String> names = new ArrayList<>();
        conversation.get("why").forEach(f -> names.add(f.get("factor").asString()));
        return names;
    }

    private static JsonNode term(JsonNode conversation, String factor) {
        for (JsonNode term : conversation.get("why")) {
            if (term.get("factor").asString().equals(factor)) {
                return term;
            }
        }
        return null;
    }

    private static List<String> authors(JsonNode conversation) {
        List<String> names = new ArrayList<>();
        conversation.get("messages").forEach(m -> names.add(m.get("author").asString()));
        return names;
    }
}
