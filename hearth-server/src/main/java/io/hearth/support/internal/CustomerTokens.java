package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.SecretCipher;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportProblem;
import io.hearth.support.WidgetSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed customer tokens for the chat widget: a JSON Web Token (RFC 7519) signed with HMAC-SHA256
 * under the tenant's widget secret, whose {@code sub} is the shop's user id of the signed-in customer
 * and whose {@code exp} is at most {@link #MAX_LIFETIME} ahead. A standard JWT so that a shop's
 * backend can make one with any JWT library; only HS256 is accepted, so no "alg" trick applies.
 */
@Component
public class CustomerTokens {

    /** The header that carries the token. */
    public static final String HEADER = "Hearth-Customer-Token";

    /** A token may live this long; a rotated secret stays valid as long, so no live token breaks. */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);

    private static final int MAX_SUBJECT = 200;

    private final WidgetSecretStore store;
    private final SupportSecrets secrets;
    private final ConversationService conversations;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CustomerTokens(
            WidgetSecretStore store,
            SupportSecrets secrets,
            ConversationService conversations,
            JsonMapper json,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.conversations = conversations;
        this.json = json;
        this.clock = clock;
    }

    /** A new secret, answered once; the old one is accepted for {@link #MAX_LIFETIME} unless revoked. */
    public WidgetSecret rotate(TenantId tenant, boolean revokePrevious) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "hws_" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        Instant until = revokePrevious ? null : now.plus(MAX_LIFETIME);
        return conversations.inTenant(tenant, () -> {
            boolean hadOne = store.row(tenant).isPresent();
            store.rotate(tenant, secrets.sealWidgetSecret(tenant, secret), now, until);
            return new WidgetSecret(secret, now, hadOne ? until : null);
        });
    }

    public Optional<WidgetSecret> current(TenantId tenant) {
        return conversations
                .inTenant(tenant, () -> store.row(tenant))
                .map(row -> new WidgetSecret(null, row.createdAt(), live(row.previousValidUntil())));
    }

    /**
     * The shop's user id the token names.
     *
     * @throws HearthProblem {@code support.invalid-customer-token} naming the header, when the token is
     *     malformed, badly signed, expired or lives too long, or the shop has no widget secret
     */
    public String verify(TenantId tenant, String token) {
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("is not a JSON Web Token (header.payload.signature)");
        }
        JsonNode header = decodeJson(parts[0]);
        if (!"HS256".equals(header.path("alg").asString(""))) {
            throw invalid("must be signed with HS256");
        }
        byte[] signature = decode(parts[2]);
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (secrets(tenant).stream().noneMatch(secret -> MessageDigest.isEqual(hmac(secret, signed), signature))) {
            throw invalid("is not signed with the shop's widget secret");
        }
        return subject(decodeJson(parts[1]));
    }

    private String subject(JsonNode claims) {
        JsonNode exp = claims.path("exp");
        if (!exp.isNumber()) {
            throw invalid("needs an exp claim (seconds since 1970)");
        }
        Instant expires = Instant.ofEpochSecond(exp.asLong());
        Instant now = clock.instant();
        if (!expires.isAfter(now)) {
            throw invalid("expired at " + expires);
        }
        if (expires.isAfter(now.plus(MAX_LIFETIME).plusSeconds(60))) {
            throw invalid("may live at most 24 hours (exp is " + expires + ")");
        }
        String subject = claims.path("sub").asString("");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw invalid("needs a sub claim: the customer's user id, 1 to " + MAX_SUBJECT + " characters");
        }
        return subject;
    }

    private List<String> secrets(TenantId tenant) {
        WidgetSecretStore.Row row = conversations
                .inTenant(tenant, () -> store.row(tenant))
                .orElseThrow(() -> invalid("cannot be checked: the shop has not created a widget secret yet"));
        List<String> valid = new ArrayList<>();
        open(tenant, row.secretSealed()).ifPresent(valid::add);
        if (row.previousSealed() != null && live(row.previousValidUntil()) != null) {
            open(tenant, row.previousSealed()).ifPresent(valid::add);
        }
        return valid;
    }

    /** A secret this server's key cannot open signs nothing: an admin rotates it. */
    private Optional<String> open(TenantId tenant, String sealed) {
        try {
            return Optional.of(secrets.openWidgetSecret(tenant, sealed));
        } catch (SecretCipher.Unreadable e) {
            return Optional.empty();
        }
    }

    private @org.jspecify.annotations.Nullable Instant live(@org.jspecify.annotations.Nullable Instant until) {
        return until != null && until.isAfter(clock.instant()) ? until : null;
    }

    private JsonNode decodeJson(String part) {
        try {
            JsonNode node = json.readTree(decode(part));
            if (!node.isObject()) {
                throw invalid("is not a JSON Web Token: a part is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw invalid("is not a JSON Web Token: a part is not JSON");
        }
    }

    private byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a JSON Web Token: a part is not base64url");
        }
    }

    static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }

    static HearthProblem invalid(String detail) {
        return new HearthProblem(
                SupportProblem.INVALID_CUSTOMER_TOKEN,
                "The customer token " + detail,
                List.of(new FieldError(HEADER, detail)));
    }
}
