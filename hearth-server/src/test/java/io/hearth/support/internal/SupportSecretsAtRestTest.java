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
}
