package io.hearth.profiles.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the identifiers an event shows. Emails are trimmed and lower-cased; a plus-addressed email
 * ({@code ada+news@example.com}) is its own identifier and never matches the plain address
 * automatically (it is too easy to type someone else's). Phones become E.164 with libphonenumber,
 * numbers without a country code read in the tenant's default region.
 */
final class IdentityExtractor {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_VALUE_LENGTH = 255;

    private final String defaultRegion;

    IdentityExtractor(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    Set<Identifier> identifiers(JsonNode event) {
        Set<Identifier> found = new LinkedHashSet<>();
        add(found, IdentifierKind.USER_ID, text(event.get("userId")));
        add(found, IdentifierKind.ANONYMOUS_ID, text(event.get("anonymousId")));
        JsonNode context = event.path("context");
        for (JsonNode traits : new JsonNode[] {event.path("traits"), context.path("traits")}) {
            email(text(traits.get("email"))).ifPresent(found::add);
            phone(text(traits.get("phone"))).ifPresent(found::add);
            add(found, IdentifierKind.LOYALTY_NUMBER, text(traits.get("loyalty_number")));
            add(found, IdentifierKind.LOYALTY_NUMBER, text(traits.get("loyaltyNumber")));
        }
        add(found, IdentifierKind.DEVICE_ID, text(context.path("device").get("id")));
        for (JsonNode external : context.path("externalIds").values()) {
            String type = text(external.get("type"));
            String id = text(external.get("id"));
            if (type != null && id != null && !type.equalsIgnoreCase("email")) {
                add(found, IdentifierKind.EXTERNAL_ID, type.toLowerCase(Locale.ROOT) + ":" + id);
            }
        }
        return found;
    }

    static Optional<Identifier> email(@Nullable String raw) {
        if (raw == null || raw.indexOf('@') < 1) {
            return Optional.empty();
        }
        return Optional.of(new Identifier(IdentifierKind.EMAIL, raw.trim().toLowerCase(Locale.ROOT)));
    }

    Optional<Identifier> phone(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(raw, defaultRegion);
            if (!PHONES.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new Identifier(IdentifierKind.PHONE, PHONES.format(number, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static void add(Set<Identifier> found, IdentifierKind kind, @Nullable String value) {
        if (value != null && !value.isBlank() && value.length() <= MAX_VALUE_LENGTH) {
            found.add(new Identifier(kind, value));
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() || node.isNumber() ? node.asString() : null;
    }
}
