package io.hearth.support.internal;

import io.hearth.shared.SecretCipher;
import io.hearth.shared.TenantId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The support module's stored secrets (mailbox passwords, widget secrets), sealed per tenant and column. */
@Component
class SupportSecrets {

    private final SecretCipher cipher;

    SupportSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    String sealMailboxPassword(TenantId tenant, String password) {
        return cipher.seal(password, mailboxContext(tenant.value()));
    }

    String openMailboxPassword(TenantId tenant, String sealed) {
        return cipher.open(sealed, mailboxContext(tenant.value()));
    }

    String sealWidgetSecret(TenantId tenant, String secret) {
        return cipher.seal(secret, widgetContext(tenant.value()));
    }

    String openWidgetSecret(TenantId tenant, String sealed) {
        return cipher.open(sealed, widgetContext(tenant.value()));
    }

    static String mailboxContext(UUID tenant) {
        return "support_mailbox.password:" + tenant;
    }

    static String widgetContext(UUID tenant) {
        return "support_widget_secret:" + tenant;
    }
}
