package io.hearth.journeys.internal;

import io.hearth.journeys.Step;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook steps: posts the run as JSON, signed {@code X-Hearth-Signature: sha256=<hex HMAC of
 * timestamp.body>} under {@code HEARTH_JOURNEYS_WEBHOOK_SECRET}, with the (run, step) idempotency key.
 * The call is claimed in its own commit first, so it happens at most once even across a crash.
 */
@Component
class WebhookCaller {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;
    private final Clock clock;
    private final String secret;

    WebhookCaller(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock,
            @Value("${hearth.journeys.webhook-secret:}") String secret) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.secret = secret;
    }

    String call(RunState run, Step.Webhook webhook) {
        if (secret.isBlank()) {
            return "no-webhook-secret";
        }
        if (!claim(run, webhook.id())) {
            return "already-called";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("journey", run.key());
        body.put("version", run.journey.version());
        body.put("runId", run.runId.toString());
        body.put("step", webhook.id());
        body.put("customerId", run.profile.customerId().value());
        body.put("variant", run.variant);
        body.put("context", run.context);
        String text = json.writeValueAsString(body);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hearth-Timestamp", timestamp)
                .header("X-Hearth-Signature", "sha256=" + sign(timestamp + "." + text))
                .header("Idempotency-Key", run.effectKey(webhook.id()))
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? "done" : "failed-" + status;
        } catch (java.io.IOException e) {
            return "failed-unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed-interrupted";
        }
    }

    private boolean claim(RunState run, String step) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc.sql("""
                        insert into journeys_effect (tenant_id, run_id, step_id, claimed_at)
                        values (:tenant, :run, :step, :now) on conflict do nothing
                        """)
                        .param("tenant", run.tenant.value())
                        .param("run", run.runId)
                        .param("step", step)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
