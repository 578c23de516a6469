package io.hearth.support.internal;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mailbox password and the widget secret are stored sealed, and no API answer shows the password. */
@HearthTest
class SupportSecretsAtRestTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseHoldsOnlySealedSecrets() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        String password = "app-password-" + UUID.randomUUID();

        Api.Response saved = api.put("/v1/support/admin/mailbox", bearer(shop.adminKey()), """
                {"host":"imap.shop.test","port":993,"ssl":true,"username":"support","password":"%s",
                 "address":"support@shop.test"}""".formatted(password));
        Api.Response shown = api.get("/v1/support/admin/mailbox", bearer(shop.adminKey()));
        String secret = api.post("/v1/support/admin/widget-secret", bearer(shop.adminKey()), "")
                .json()
                .get("secret")
                .asString();

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(password).doesNotContain("hs1:");
        assertThat(shown.body()).doesNotContain(password).doesNotContain("hs1:").contains("imap.shop.test");
        String storedPassword = TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select password_sealed from support_mailbox where tenant_id = :t")
                        .param("t", shop.id().value())
                        .query(String.class)
                        .single());
        String storedSecret = TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select secret_sealed from support_widget_secret where tenant_id = :t")
                        .param("t", shop.id().value())
                        .query(String.class)
                        .single());
        assertThat(storedPassword).startsWith("hs1:").doesNotContain(password);
        assertThat(storedSecret).startsWith("hs1:").doesNotContain(secret);
    }

    /** The same key seals the other modules' stored signing secrets: the shop's webhook endpoint and a Shopify source. */
    @Test
    void signingSecretsOfOtherModulesAreSealedToo() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        String shopify = "shpss_" + UUID.randomUUID();

        Api.Response source = api.post("/v1/sources", bearer(shop.adminKey()), """
                {"name":"store","kind":"shopify","webhookSecret":"%s"}""".formatted(shopify));
        String endpointSecret = api.put(
                        "/v1/messaging/webhook-endpoint",
                        bearer(shop.adminKey()),
                        "{\"url\":\"https://crm.shop.test/hooks\"}")
                .json()
                .get("secret")
                .asString();

        assertThat(source.status()).as(source.body()).isIn(200, 201);
        String storedShopify = TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select webhook_secret from tenancy_source where tenant_id = :t and kind = 'shopify'")
                        .param("t", shop.id().value())
                        .query(String.class)
                        .single());
        String storedEndpoint = TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select secret_sealed from messaging_webhook_endpoint where tenant_id = :t")
                        .param("t", shop.id().value())
                        .query(String.class)
                        .single());
        assertThat(storedShopify).startsWith("hs1:").doesNotContain(shopify);
        assertThat(storedEndpoint).startsWith("hs1:").doesNotContain(endpointSecret);
    }
}
