package io.hearth.profiles.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Profile rows: creation, traits, merge pointers and the recomputation of computed attributes. */
@Repository
class ProfileStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProfileStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(TenantId tenant, Collection<CustomerId> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into profiles_customer (tenant_id, customer_id, created_at, updated_at)
                select :tenant, id, :now, :now from unnest(:ids::text[]) as id
                on conflict do nothing
                """)
                .param("tenant", tenant.value())
                .param("now", Timestamp.from(now))
                .param("ids", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .update();
    }

    /** New profiles with their first events' activity and traits, in one statement. */
    void createComplete(TenantId tenant, List<NewProfile> born, Instant now) {
        if (born.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into profiles_customer (tenant_id, customer_id, traits, events_count, last_seen_at, categories,
                                               channels, created_at, updated_at)
                select :tenant, c, coalesce(t::jsonb, '{}'), e::bigint, l::timestamptz, cat::jsonb, ch::jsonb, :now, :now
                from unnest(:ids::text[], :traits::text[], :events::text[], :lastSeen::text[], :categories::text[],
                            :channels::text[]) as x(c, t, e, l, cat, ch)
                on conflict do nothing
                """)
                .param("tenant", tenant.value())
                .param("now", Timestamp.from(now))
                .param(
                        "ids",
                        born.stream().map(p -> p.activity().customer().value()).toArray(String[]::new))
                .param(
                        "traits",
                        born.stream()
                                .map(p -> p.traits() == null ? null : json.writeValueAsString(p.traits()))
                                .toArray(String[]::new))
                .param(
                        "events",
                        born.stream()
                                .map(p -> Long.toString(p.activity().events()))
                                .toArray(String[]::new))
                .param(
                        "lastSeen",
                        born.stream()
                                .map(p -> p.activity().lastSeen().toString())
                                .toArray(String[]::new))
                .param(
                        "categories",
                        born.stream()
                                .map(p -> json.writeValueAsString(p.activity().categories()))
                                .toArray(String[]::new))
                .param(
                        "channels",
                        born.stream()
                                .map(p -> json.writeValueAsString(p.activity().channels()))
                                .toArray(String[]::new))
                .update();
    }

    /** A profile created by a batch: the activity of its events and the traits they set, if any. */
    record NewProfile(Activity activity, @Nullable ObjectNode traits) {}

    /** Adds traits; later values win, as in an identify call. */
    void addTraits(Map<CustomerId, ObjectNode> traits) {
        if (traits.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update profiles_customer p set traits = p.traits || t.traits::jsonb
                from unnest(:customers::text[], :traits::text[]) as t(customer_id, traits)
                where p.customer_id = any(:customers::text[]) and p.customer_id = t.customer_id
                """)
                .param(
                        "customers",
                        traits.keySet().stream().map(CustomerId::value).toArray(String[]::new))
                .param(
                        "traits",
                        traits.values().stream().map(json::writeValueAsString).toArray(String[]::new))
                .update();
    }

    String traitsJson(CustomerId customer) {
        return jdbc.sql("select traits::text from profiles_customer where customer_id = :customer")
                .param("customer", customer.value())
                .query(String.class)
                .optional()
                .orElse("{}");
    }

    void replaceTraits(CustomerId customer, String traitsJson) {
        jdbc.sql("update profiles_customer set traits = :traits::jsonb where customer_id = :customer")
                .param("traits", traitsJson)
                .param("customer", customer.value())
                .update();
    }

    /** The absorbed profile's traits fill the gaps of the survivor's; the survivor's own values win. */
    void absorbTraits(CustomerId survivor, CustomerId absorbed) {
        jdbc.sql("""
                update profiles_customer s set traits = a.traits || s.traits
                from profiles_customer a
                where s.customer_id = :survivor and a.customer_id = :absorbed
                """)
                .param("survivor", survivor.value())
                .param("absorbed", absorbed.value())
                .update();
    }

    void markMerged(CustomerId absorbed, Optional<CustomerId> survivor) {
        jdbc.sql("update profiles_customer set merged_into = :survivor where customer_id = :absorbed")
                .param("survivor", survivor.map(CustomerId::value).orElse(null))
                .param("absorbed", absorbed.value())
                .update();
    }

    /** Where a profile lives now: itself, or the survivor it was merged into (followed through chains). */
    Optional<CustomerId> current(CustomerId customer) {
        CustomerId at = customer;
        for (int hops = 0; hops < 32; hops++) {
            Optional<Optional<String>> row = jdbc.sql(
                            "select merged_into from profiles_customer where customer_id = :customer")
                    .param("customer", at.value())
                    .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                    .optional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (row.get().isEmpty()) {
                return Optional.of(at);
            }
            at = CustomerId.of(row.get().get());
        }
        return Optional.of(at);
    }

    /**
     * {@link #current} of several customers: one query for all, and the chain followed one by one only
     * for the few that were merged into another; customers not stored are absent.
     */
    Map<CustomerId, CustomerId> currentAll(Collection<CustomerId> customers) {
        Map<CustomerId, CustomerId> current = new HashMap<>();
        if (customers.isEmpty()) {
            return current;
        }
        List<CustomerId> merged = new ArrayList<>();
        jdbc.sql("select customer_id, merged_into from profiles_customer where customer_id = any(:ids)")
                .param(
                        "ids",
                        customers.stream().map(CustomerId::value).distinct().toArray(String[]::new))
                .query((rs, n) -> {
                    CustomerId customer = CustomerId.of(rs.getString(1));
                    if (rs.getString(2) == null) {
                        current.put(customer, customer);
                    } else {
                        merged.add(customer);
                    }
                    return customer;
                })
                .list();
        for (CustomerId customer : merged) {
            current(customer).ifPresent(live -> current.put(customer, live));
        }
        return current;
    }

    /** The oldest of the profiles: it survives a merge, so its id stays stable for integrations. */
    CustomerId oldest(Collection<CustomerId> customers) {
        return jdbc.sql("""
                select customer_id from profiles_customer where customer_id = any(:ids)
                order by created_at, customer_id limit 1
                """)
                .param("ids", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .query(String.class)
                .optional()
                .map(CustomerId::of)
                .orElseThrow();
    }

    /**
     * Recomputes the computed attributes of these profiles from their events. An order counts once
     * even if announced twice, at its first announcement's amount.
     */
    void recompute(Collection<CustomerId> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                with mine as (
                    select * from profiles_event where customer_id = any(:ids)
                ), orders as (
                    select distinct on (customer_id, event, coalesce(order_id, event_id::text))
                           customer_id, event, amount, currency, occurred_at
                    from mine where event in ('Order Completed', 'Order Refunded')
                    order by customer_id, event, coalesce(order_id, event_id::text), occurred_at
                ), order_totals as (
                    select customer_id,
                           count(*) filter (where event = 'Order Completed') as orders_count,
                           coalesce(sum(amount) filter (where event = 'Order Completed'), 0) as revenue,
                           mode() within group (order by currency) filter (where event = 'Order Completed') as currency,
                           min(occurred_at) filter (where event = 'Order Completed') as first_order_at,
                           max(occurred_at) filter (where event = 'Order Completed') as last_order_at,
                           count(*) filter (where event = 'Order Refunded') as refunds_count,
                           coalesce(sum(amount) filter (where event = 'Order Refunded'), 0) as refunded
                    from orders group by customer_id
                ), activity as (
                    select customer_id, count(*) as events_count, max(occurred_at) as last_seen_at
                    from mine group by customer_id
                ), categories as (
                    select customer_id, jsonb_object_agg(category, n) as counts from (
                        select customer_id, category, count(*) as n
                        from mine, unnest(categories) as category group by customer_id, category) c
                    group by customer_id
                ), channels as (
                    select customer_id, jsonb_object_agg(channel, n) as counts from (
                        select customer_id, channel, count(*) as n from mine where channel is not null
                        group by customer_id, channel) c
                    group by customer_id
                )
                update profiles_customer p set
                    orders_count = coalesce(o.orders_count, 0), revenue = coalesce(o.revenue, 0),
                    currency = o.currency, first_order_at = o.first_order_at, last_order_at = o.last_order_at,
                    refunds_count = coalesce(o.refunds_count, 0), refunded = coalesce(o.refunded, 0),
                    events_count = coalesce(a.events_count, 0), last_seen_at = a.last_seen_at,
                    categories = coalesce(c.counts, '{}'), channels = coalesce(ch.counts, '{}'),
                    updated_at = :now
                from unnest(:ids::text[]) as target(customer_id)
                left join order_totals o on o.customer_id = target.customer_id
                left join activity a on a.customer_id = target.customer_id
                left join categories c on c.customer_id = target.customer_id
                left join channels ch on ch.customer_id = target.customer_id
                where p.customer_id = any(:ids::text[]) and p.customer_id = target.customer_id
                """)
                .param(
                        "ids",
                        customers.stream().map(CustomerId::value).distinct().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /*
     * The updates below name their rows twice: "customer_id = any(…)" is what makes PostgreSQL look
     * each profile up by primary key. Joined only with the unnested values, the plan estimated from a
     * table's statistics was a hash join over every profile of the shop, once per batch (76 ms for 250
     * profiles of 13,500; 17 ms by key), a cost that grew with the shop.
     */

    /**
     * Adds new events' activity to the profiles in one statement: counts are summed per category and
     * channel, last seen moves forward only. Must run once per event, under the identity lock that
     * keeps already resolved events from being counted again.
     */
    void addActivity(List<Activity> activity, Instant now) {
        if (activity.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update profiles_customer p set
                    events_count = p.events_count + d.events::bigint,
                    last_seen_at = greatest(p.last_seen_at, d.last_seen::timestamptz),
                    categories = case when d.categories is null then p.categories
                                      else p.categories || (select jsonb_object_agg(k, coalesce((p.categories ->> k)::bigint, 0) + v::bigint)
                                                            from jsonb_each_text(d.categories::jsonb) as e(k, v)) end,
                    channels = case when d.channels is null then p.channels
                                    else p.channels || (select jsonb_object_agg(k, coalesce((p.channels ->> k)::bigint, 0) + v::bigint)
                                                        from jsonb_each_text(d.channels::jsonb) as e(k, v)) end,
                    updated_at = :now
                from unnest(:customers::text[], :events::text[], :lastSeen::text[], :categories::text[],
                            :channels::text[]) as d(customer_id, events, last_seen, categories, channels)
                where p.customer_id = any(:customers::text[]) and p.customer_id = d.customer_id
                """)
                .param(
                        "customers",
                        activity.stream().map(a -> a.customer().value()).toArray(String[]::new))
                .param(
                        "events",
                        activity.stream().map(a -> Long.toString(a.events())).toArray(String[]::new))
                .param(
                        "lastSeen",
                        activity.stream().map(a -> a.lastSeen().toString()).toArray(String[]::new))
                .param(
                        "categories",
                        activity.stream().map(a -> countsOrNull(a.categories())).toArray(String[]::new))
                .param(
                        "channels",
                        activity.stream().map(a -> countsOrNull(a.channels())).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Null for no counts, so the update leaves the column alone instead of merging an empty object
     * (most events name no channel, many no category).
     */
    private @Nullable String countsOrNull(Map<String, Long> counts) {
        return counts.isEmpty() ? null : json.writeValueAsString(counts);
    }

    List<CustomerId> activeCustomers(int limit, Optional<CustomerId> after) {
        return jdbc
                .sql("""
                select customer_id from profiles_customer
                where merged_into is null and (:after::text is null or customer_id > :after)
                order by customer_id limit :limit
                """)
                .param("after", after.map(CustomerId::value).orElse(null))
                .param("limit", limit)
                .query(String.class)
                .list()
                .stream()
                .map(CustomerId::of)
                .toList();
    }
}
