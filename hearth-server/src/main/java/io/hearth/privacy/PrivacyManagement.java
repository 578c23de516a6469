package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.privacy.internal.ConsentLedger;
import io.hearth.privacy.internal.ConsentMerges;
import io.hearth.privacy.internal.DecisionLog;
import io.hearth.privacy.internal.SegmentConsents;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The privacy facade: consent per purpose and channel, and the tamper-evident log of automated
 * decisions. Nothing here returns null; every method runs in the given tenant.
 */
@Service
public class PrivacyManagement {

    private final ConsentLedger consents;
    private final ConsentMerges merges;
    private final DecisionLog decisions;

    PrivacyManagement(ConsentLedger consents, ConsentMerges merges, DecisionLog decisions) {
        this.consents = consents;
        this.merges = merges;
        this.decisions = decisions;
    }

    /**
     * Records one consent change. Idempotent: the same (customer, purpose, channel, granted, source,
     * occurredAt) again is not a new entry. Publishes {@link ConsentChanged} when the current answer
     * for the purpose and channel changes (or is given for the first time); a change older than the
     * current answer joins the history without moving the current state.
     *
     * @return whether it was new
     */
    public boolean recordConsent(TenantId tenant, ConsentChange change) {
        requireNonNull(change, "change is null");
        return consents.record(tenant, List.of(change)) == 1;
    }

    /**
     * Records many changes in one transaction and a few statements, as {@link #recordConsent} would
     * one by one in the order of their times.
     *
     * @return how many were new
     */
    public int recordConsents(TenantId tenant, List<ConsentChange> changes) {
        return consents.record(tenant, List.copyOf(changes));
    }

    /**
     * The customer's current answers; empty when none was recorded. They combine the customer's own
     * answers with those of every customer merged into it ({@link #followMerge}); asked for a customer
     * merged into another, they are the answers of the profile it belongs to now.
     */
    public CustomerConsents currentConsents(TenantId tenant, CustomerId customer) {
        return new CustomerConsents(customer, consents.current(tenant, customer));
    }

    /** {@link #currentConsents(TenantId, CustomerId)} of several customers at once, in two queries. */
    public Map<CustomerId, CustomerConsents> currentConsents(TenantId tenant, Collection<CustomerId> customers) {
        Map<CustomerId, CustomerConsents> answers = new HashMap<>();
        consents.current(tenant, customers)
                .forEach((customer, current) -> answers.put(customer, new CustomerConsents(customer, current)));
        return answers;
    }

    /**
     * Customers whose current answers may have changed at or after {@code since} (recorded, or by a
     * merge made or undone), with the profiles those answers count for now: what a node that keeps
     * consents in memory reads again to see changes made on other nodes.
     */
    public Set<CustomerId> consentChangesSince(TenantId tenant, Instant since) {
        return consents.changedSince(tenant, since);
    }

    /**
     * Makes the absorbed customer's consents count for the survivor, as long as the merge is in force:
     * per purpose and channel the most recent choice of either wins, and at the same instant a
     * withdrawal wins over a grant, so an older grant never overrides a withdrawal. Each side's history
     * stays its own. Runs in its own transaction (callers react to a merge after it committed).
     * Idempotent per merge id. Publishes {@link ConsentChanged} for every answer of the survivor that
     * changes by it.
     */
    public void followMerge(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId absorbed) {
        merges.merged(tenant, requireNonNull(mergeId, "mergeId is null"), survivor, absorbed);
    }

    /**
     * Undoes {@link #followMerge}: each side answers with its own consents again (and those of the
     * customers merged into it). Idempotent per merge id; one that arrives before its merge makes the
     * late merge change nothing. Publishes {@link ConsentChanged} for every answer of either side that
     * changes by it.
     */
    public void followUnmerge(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId restored) {
        merges.unmerged(tenant, requireNonNull(mergeId, "mergeId is null"), survivor, restored);
    }

    /** Every recorded change of the customer and of the customers merged into it, newest first. */
    public List<Consent> consentHistory(TenantId tenant, CustomerId customer) {
        return consents.history(tenant, customer);
    }

    /**
     * Whether the customer's data may be used for the purpose on the channel: the channel's own answer
     * wins over the purpose-level one, and with neither the purpose's default applies (marketing no,
     * the others yes). See {@link CustomerConsents#mayUse}.
     */
    public boolean mayUse(TenantId tenant, CustomerId customer, Purpose purpose, Channel channel) {
        return currentConsents(tenant, customer).mayUse(purpose, channel);
    }

    /**
     * The consent changes a Segment message carries: {@code identify} traits ({@code consent},
     * {@code marketing_opt_in}, {@code email_opt_in}, {@code sms_opt_in}, {@code push_opt_in}) and
     * {@code context.consent.categoryPreferences} on any message. They are timed by the message's
     * {@code timestamp} and prove themselves by its {@code messageId}, so feeding the same message
     * twice records nothing new. Pure: stores nothing.
     */
    public static List<ConsentChange> consentsFromSegment(CustomerId customer, JsonNode message) {
        return SegmentConsents.extract(customer, message);
    }

    /**
     * Appends a decision to the tenant's chain. Safe to call from many threads at once.
     *
     * @throws io.hearth.shared.HearthProblem {@link PrivacyProblem#DECISION_INPUTS_TOO_LARGE} when the
     *     inputs are larger than 8 KB as canonical JSON
     */
    public RecordedDecision recordDecision(TenantId tenant, Decision decision) {
        requireNonNull(decision, "decision is null");
        return decisions.append(tenant, decision);
    }

    /**
     * Appends decisions to the tenant's chain in their order, under one lock of the chain head: for
     * writers that collect decisions and log them in batches. Joins the caller's transaction, so a
     * caller can delete what it logged in the same commit.
     *
     * @throws io.hearth.shared.HearthProblem {@link PrivacyProblem#DECISION_INPUTS_TOO_LARGE} when one
     *     decision's inputs are larger than 8 KB as canonical JSON; nothing is appended then
     */
    public List<RecordedDecision> recordDecisions(TenantId tenant, List<Decision> decisions) {
        requireNonNull(decisions, "decisions is null");
        return decisions.isEmpty() ? List.of() : this.decisions.appendAll(tenant, decisions);
    }

    /**
     * The customer's decisions, newest first.
     *
     * @param limit 1 to {@link DecisionPage#MAX_LIMIT}
     * @param cursor {@link DecisionPage#next()} of the previous page, or {@code null} for the first
     * @throws io.hearth.shared.HearthProblem {@link PrivacyProblem#INVALID_QUERY} for a bad limit or cursor
     */
    public DecisionPage decisions(TenantId tenant, CustomerId customer, int limit, @Nullable String cursor) {
        return decisions.page(tenant, customer, limit, cursor);
    }

    /** Recomputes the tenant's decision chain and reports the first entry that does not verify. */
    public ChainVerification verifyChain(TenantId tenant) {
        return decisions.verify(tenant);
    }
}
