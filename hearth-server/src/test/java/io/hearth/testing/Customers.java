package io.hearth.testing;

import static io.hearth.testing.Api.basic;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.test.context.TestComponent;

/** Makes customers through the real tracking API and waits for their profiles. */
@TestComponent
public class Customers {

    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;

    Customers(ProfileManagement profiles, PrivacyManagement privacy) {
        this.profiles = profiles;
        this.privacy = privacy;
    }

    /** Identifies a user with these traits (a JSON object's inside) and answers the profile's id. */
    public CustomerId identify(Api api, TestTenant shop, String userId, String traitsJson) {
        api.post(
                "/v1/identify",
                basic(shop.writeKey()),
                "{\"userId\":\"" + userId + "\",\"traits\":{" + traitsJson + "}}");
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> profiles.lookup(shop.id(), IdentifierKind.USER_ID, userId), Optional::isPresent)
                .map(CustomerProfile::customerId)
                .orElseThrow();
    }

    /** Tracks an "Order Completed" of the user and waits until the profile holds the order. */
    public void placeOrder(Api api, TestTenant shop, String userId, String orderId, String total) {
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + userId
                        + "\",\"event\":\"Order Completed\",\"messageId\":\"" + orderId + "-placed"
                        + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":" + total + "}}");
        CustomerId customer = await().atMost(Duration.ofSeconds(15))
                .until(() -> profiles.lookup(shop.id(), IdentifierKind.USER_ID, userId), Optional::isPresent)
                .orElseThrow()
                .customerId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> profiles.orders(shop.id(), customer).stream()
                        .anyMatch(o -> o.orderId().equals(orderId)));
    }

    /** A fixed-offset zone (e.g. {@code +05:00}) whose local time is now about the given hour. */
    public static String zoneAt(int hour) {
        java.time.LocalTime utc = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        int offsetHours = Math.floorMod(hour - utc.getHour() + 12, 24) - 12;
        return java.time.ZoneOffset.ofHours(offsetHours).getId();
    }

    public void optIn(TestTenant shop, CustomerId customer, Channel channel) {
        privacy.recordConsent(
                shop.id(), new ConsentChange(customer, Purpose.MARKETING, channel, true, "api", null, "test"));
    }
}
