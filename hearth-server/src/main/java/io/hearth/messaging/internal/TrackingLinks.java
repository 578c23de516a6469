package io.hearth.messaging.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed tracking links: the token names the tenant and the message and carries an HMAC under the
 * tenant's own secret (made on first use, kept in the database so links outlive restarts); a click
 * link's signature also covers its target, so nobody can turn our domain into an open redirect.
 */
@Component
class TrackingLinks {

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final MessagingSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<TenantId, byte[]> secrets = new ConcurrentHashMap<>();

    private final TransactionTemplate ownTransaction;

    TrackingLinks(JdbcClient jdbc, MessagingSettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settings = settings;
        // The secret must be durable before any link signed with it leaves, whatever the caller does.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a token points at. */
    record Target(TenantId tenant, UUID messageId) {}

    URI open(TenantId tenant, UUID message) {
        return url("/v1/t/o/" + token(tenant, message, "open") + ".gif");
    }

    URI unsubscribe(TenantId tenant, UUID message) {
        return url("/v1/t/u/" + token(tenant, message, "unsubscribe"));
    }

    /** Where a provider reports the message's delivery (Twilio's {@code StatusCallback}). */
    URI status(TenantId tenant, UUID message) {
        return url("/v1/t/s/" + token(tenant, message, "status"));
    }

    URI click(TenantId tenant, UUID message, String target) {
        return url("/v1/t/c/" + token(tenant, message, "click " + target) + "?u="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    /** Wraps every absolute link of the HTML in a click redirect and adds the open pixel. */
    String track(TenantId tenant, UUID message, String html, URI unsubscribe) {
        Matcher links = HREF.matcher(html);
        StringBuilder tracked = new StringBuilder();
        while (links.find()) {
            String target = links.group(1).replace("&amp;", "&");
            String replacement = target.equals(unsubscribe.toString())
                    ? links.group()
                    : "href=\"" + click(tenant, message, target).toString().replace("&", "&amp;") + "\"";
            links.appendReplacement(tracked, Matcher.quoteReplacement(replacement));
        }
        links.appendTail(tracked);
        String pixel = "<img src=\"" + open(tenant, message) + "\" width=\"1\" height=\"1\" alt=\"\">";
        int body = tracked.lastIndexOf("</body>");
        return body < 0 ? tracked + pixel : tracked.insert(body, pixel).toString();
    }

    /** The message a token of this purpose points at, if its signature holds. */
    Optional<Target> verify(String token, String purpose) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            ByteBuffer ids = ByteBuffer.wrap(DECODER.decode(token.substring(0, dot)));
            if (ids.remaining() != 32) {
                return Optional.empty();
            }
            TenantId tenant = new TenantId(new UUID(ids.getLong(), ids.getLong()));
            UUID message = new UUID(ids.getLong(), ids.getLong());
            byte[] expected = signature(tenant, message, purpose);
            byte[] given = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(expected, given) ? Optional.of(new Target(tenant, message)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String token(TenantId tenant, UUID message, String purpose) {
        ByteBuffer ids = ByteBuffer.allocate(32);
        ids.putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits());
        ids.putLong(message.getMostSignificantBits()).putLong(message.getLeastSignificantBits());
        return ENCODER.encodeToString(ids.array()) + "." + ENCODER.encodeToString(signature(tenant, message, purpose));
    }

    private byte[] signature(TenantId tenant, UUID message, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(tenant), "HmacSHA256"));
            byte[] full = mac.doFinal((message + " " + purpose).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] secret(TenantId tenant) {
        return secrets.computeIfAbsent(tenant, this::loadOrCreate);
    }

    private byte[] loadOrCreate(TenantId tenant) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return TenantContext.call(
                tenant,
                () -> ownTransaction.execute(status -> {
                    jdbc.sql(
                                    "insert into messaging_secret (tenant_id, secret) values (:tenant, :secret) on conflict do nothing")
                            .param("tenant", tenant.value())
                            .param("secret", fresh)
                            .update();
                    return jdbc.sql("select secret from messaging_secret where tenant_id = :tenant")
                            .param("tenant", tenant.value())
                            .query(byte[].class)
                            .single();
                }));
    }

    private URI url(String path) {
        String base = settings.publicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
