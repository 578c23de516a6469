package io.hearth.console.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;

/**
 * The segments a customer belongs to, for the customer page. The console does not depend on a segments
 * module: when a bean of this type exists (an adapter over that module's facade), the page shows a
 * Segments section; without one the section is left out.
 */
interface CustomerSegments {

    List<Membership> of(TenantId tenant, CustomerId customer);

    /** One segment the customer is in, and since when (UTC, as the page shows it). */
    record Membership(String segmentId, String name, String since) {}
}
