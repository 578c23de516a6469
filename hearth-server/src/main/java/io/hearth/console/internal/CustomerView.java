package io.hearth.console.internal;

import static io.hearth.console.internal.ConsoleFormat.money;
import static io.hearth.console.internal.ConsoleFormat.text;
import static io.hearth.console.internal.ConsoleFormat.time;

import io.hearth.console.internal.CustomerPage.ConsentRow;
import io.hearth.console.internal.CustomerPage.DecisionRow;
import io.hearth.console.internal.CustomerPage.Fact;
import io.hearth.console.internal.CustomerPage.IdentifierRow;
import io.hearth.console.internal.CustomerPage.MergeRow;
import io.hearth.console.internal.CustomerPage.Timeline;
import io.hearth.console.internal.CustomerPage.TimelineRow;
import io.hearth.privacy.Consent;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.Merge;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.TimelineEntry;
import io.hearth.profiles.TimelinePage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reads one customer from the profiles and privacy facades (and segments, when present) for the page. */
@Component
class CustomerView {

    static final int TIMELINE_PAGE = 50;
    static final int LATEST_DECISIONS = 20;

    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final ObjectProvider<CustomerSegments> segments;

    CustomerView(ProfileManagement profiles, PrivacyManagement privacy, ObjectProvider<CustomerSegments> segments) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.segments = segments;
    }

    /** The profile the id names (the survivor when it was merged), if the tenant has it. */
    Optional<CustomerProfile> profile(TenantId tenant, CustomerId customer) {
        return profiles.profile(tenant, customer);
    }

    CustomerPage page(TenantId tenant, CustomerProfile profile, boolean mayUndo) {
        CustomerId customer = profile.customerId();
        CustomerSegments membership = segments.getIfAvailable();
        return new CustomerPage(
                customer.value(),
                time(profile.createdAt()),
                time(profile.updatedAt()),
                profile.identifiers().stream()
                        .sorted(Comparator.comparing(Identifier::kind).thenComparing(Identifier::value))
                        .map(identifier -> new IdentifierRow(identifier.kind().code(), identifier.value()))
                        .toList(),
                profiles.merges(tenant, customer).reversed().stream()
                        .map(merge -> mergeRow(customer, merge, mayUndo))
                        .toList(),
                traits(profile.traits()),
                computed(profile.computed()),
                timeline(tenant, customer, null),
                privacy.currentConsents(tenant, customer).current().stream()
                        .sorted(Comparator.comparing(Consent::purpose).thenComparing(Consent::channel))
                        .map(CustomerView::consentRow)
                        .toList(),
                privacy.decisions(tenant, customer, LATEST_DECISIONS, null).decisions().stream()
                        .map(CustomerView::decisionRow)
                        .toList(),
                Optional.ofNullable(membership).map(found -> found.of(tenant, customer)));
    }

    /** A page of the timeline, newest first, after the cursor (the first page without one). */
    Timeline timeline(TenantId tenant, CustomerId customer, @Nullable String cursor) {
        TimelinePage page = profiles.timeline(tenant, customer, null, null, TIMELINE_PAGE, cursor);
        return new Timeline(
                page.entries().stream().map(CustomerView::timelineRow).toList(),
                Objects.requireNonNullElse(page.next(), ""));
    }

    private static MergeRow mergeRow(CustomerId viewed, Merge merge, boolean mayUndo) {
        boolean survivor = merge.survivor().equals(viewed);
        return new MergeRow(
                merge.mergeId().toString(),
                survivor ? "survivor" : "absorbed",
                (survivor ? merge.absorbed() : merge.survivor()).value(),
                merge.absorbed().value(),
                merge.reason(),
                ConsoleFormat.list(merge.absorbedIdentifiers().stream()
                        .map(Identifier::key)
                        .toList()),
                time(merge.mergedAt()),
                time(merge.undoneAt()),
                merge.undoneAt() != null,
                mayUndo && merge.undoneAt() == null);
    }

    private static List<Fact> traits(Map<String, Object> traits) {
        return traits.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(trait -> new Fact("trait-" + trait.getKey(), trait.getKey(), text(trait.getValue())))
                .toList();
    }

    private static List<Fact> computed(ComputedAttributes computed) {
        return List.of(
                new Fact("orders", "Orders", Long.toString(computed.ordersCount())),
                new Fact("revenue", "Revenue", money(computed.revenue(), computed.currency())),
                new Fact("aov", "Average order value", money(computed.averageOrderValue(), computed.currency())),
                new Fact("first-order", "First order (UTC)", time(computed.firstOrderAt())),
                new Fact("last-order", "Last order (UTC)", time(computed.lastOrderAt())),
                new Fact("days-since-last-order", "Days since last order", text(computed.daysSinceLastOrder())),
                new Fact("rfm", "RFM (recency, frequency, monetary)", rfm(computed.rfm())),
                new Fact("top-categories", "Top categories", ConsoleFormat.list(computed.topCategories())),
                new Fact("engagement", "Engagement by channel", ConsoleFormat.counts(computed.engagementByChannel())),
                new Fact("preferred-channel", "Preferred channel", text(computed.preferredChannel())),
                new Fact(
                        "refunds",
                        "Refunds",
                        computed.refundsCount() + " · " + money(computed.refundedAmount(), computed.currency())),
                new Fact("events", "Events", Long.toString(computed.eventsCount())),
                new Fact("last-seen", "Last seen (UTC)", time(computed.lastSeenAt())));
    }

    private static String rfm(ComputedAttributes.@Nullable RfmScore score) {
        if (score == null) {
            return ConsoleFormat.NOTHING;
        }
        return score.code() + " (R" + score.recency() + " F" + score.frequency() + " M" + score.monetary() + ")";
    }

    private static TimelineRow timelineRow(TimelineEntry entry) {
        String order = entry.orderId() == null ? "" : entry.orderId() + " · " + money(entry.amount(), entry.currency());
        return new TimelineRow(
                time(entry.timestamp()),
                entry.type(),
                Objects.requireNonNullElse(entry.event(), ""),
                order,
                String.join(", ", entry.categories()),
                Objects.requireNonNullElse(entry.channel(), ""));
    }

    private static ConsentRow consentRow(Consent consent) {
        return new ConsentRow(
                lower(consent.purpose().name()),
                lower(consent.channel().name()),
                consent.granted(),
                consent.source(),
                time(consent.occurredAt()));
    }

    private static DecisionRow decisionRow(RecordedDecision decision) {
        return new DecisionRow(
                time(decision.occurredAt()),
                decision.type(),
                decision.outcome(),
                decision.reason(),
                decision.modelVersion());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
