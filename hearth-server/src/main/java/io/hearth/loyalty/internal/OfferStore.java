package io.hearth.loyalty.internal;

import io.hearth.loyalty.OfferArm;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bandit's arms and every offer it made, with its response once known. */
@Repository
class OfferStore {

    private static final String ARMS = "select * from loyalty_offer_arm where tenant_id = :tenant order by position";

    private final JdbcClient jdbc;

    OfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An offer as the model learns from it: what was offered, on which features, and the response. */
    record Observation(String arm, double[] context, double reward) {}

    List<OfferArm> arms(TenantId tenant) {
        return jdbc.sql(ARMS)
                .param("tenant", tenant.value())
                .query(OfferStore::arm)
                .list();
    }

    /** The arms, locked until the transaction ends: choices of one tenant spend budgets one at a time. */
    List<OfferArm> lockArms(TenantId tenant) {
        return jdbc.sql(ARMS + " for update")
                .param("tenant", tenant.value())
                .query(OfferStore::arm)
                .list();
    }

    /** Replaces the arms; an arm that stays keeps what it spent. */
    void saveArms(TenantId tenant, List<OfferArm> arms) {
        jdbc.sql("delete from loyalty_offer_arm where tenant_id = :tenant and name not in (:names)")
                .param("tenant", tenant.value())
                .param("names", arms.stream().map(OfferArm::name).toList())
                .update();
        for (int i = 0; i < arms.size(); i++) {
            OfferArm arm = arms.get(i);
            jdbc.sql("""
                            insert into loyalty_offer_arm (tenant_id, name, kind, value, cost, budget, position)
                            values (:tenant, :name, :kind, :value, :cost, :budget, :position)
                            on conflict (tenant_id, name) do update set kind = excluded.kind, value = excluded.value,
                                cost = excluded.cost, budget = excluded.budget, position = excluded.position""")
                    .param("tenant", tenant.value())
                    .param("name", arm.name())
                    .param("kind", arm.kind().name())
                    .param("value", arm.value())
                    .param("cost", arm.cost())
                    .param("budget", arm.budget())
                    .param("position", i)
                    .update();
        }
    }

    void spend(TenantId tenant, String arm, BigDecimal cost) {
        jdbc.sql("update loyalty_offer_arm set spent = spent + :cost where tenant_id = :tenant and name = :name")
                .param("cost", cost)
                .param("tenant", tenant.value())
                .param("name", arm)
                .update();
    }

    void insert(
            TenantId tenant,
            UUID offerId,
            String customer,
            OfferArm arm,
            double[] context,
            String voucher,
            Instant at) {
        jdbc.sql("""
                        insert into loyalty_offer (tenant_id, offer_id, customer_id, arm, context, cost, voucher_code, chosen_at)
                        values (:tenant, :id, :customer, :arm, cast(:context as double precision[]), :cost, :voucher, :at)""")
                .param("tenant", tenant.value())
                .param("id", offerId)
                .param("customer", customer)
                .param("arm", arm.name())
                .param("cost", arm.cost())
                .param("context", literal(context))
                .param("voucher", voucher)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records the response once; answers the observation to learn from, or empty when known already or unknown. */
    Optional<Observation> respond(TenantId tenant, UUID offerId, double reward, Instant at) {
        return jdbc.sql("""
                        update loyalty_offer set reward = :reward, rewarded_at = :at
                        where tenant_id = :tenant and offer_id = :id and reward is null
                        returning arm, context, reward""")
                .param("reward", reward)
                .param("at", Timestamp.from(at))
                .param("tenant", tenant.value())
                .param("id", offerId)
                .query(OfferStore::observation)
                .optional();
    }

    boolean exists(TenantId tenant, UUID offerId) {
        return jdbc.sql("select count(*) from loyalty_offer where tenant_id = :tenant and offer_id = :id")
                        .param("tenant", tenant.value())
                        .param("id", offerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A redeemed voucher that an offer carried is that offer's response. */
    Optional<Observation> respondByVoucher(TenantId tenant, String code, Instant at) {
        return jdbc.sql("""
                        update loyalty_offer set reward = 1, rewarded_at = :at
                        where tenant_id = :tenant and voucher_code = :code and reward is null
                        returning arm, context, reward""")
                .param("at", Timestamp.from(at))
                .param("tenant", tenant.value())
                .param("code", code)
                .query(OfferStore::observation)
                .optional();
    }

    /** What the model learns from: offers with a response, and offers whose window passed without one (0). */
    List<Observation> observations(TenantId tenant, Instant unansweredBefore) {
        return jdbc.sql("""
                        select arm, context, coalesce(reward, 0) as reward from loyalty_offer
                        where tenant_id = :tenant and (reward is not null or chosen_at < :before)""")
                .param("tenant", tenant.value())
                .param("before", Timestamp.from(unansweredBefore))
                .query(OfferStore::observation)
                .list();
    }

    private static String literal(double[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",").append(values[i]);
        }
        return literal.append('}').toString();
    }

    private static Observation observation(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("context");
        Double[] values = (Double[]) array.getArray();
        double[] context = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            context[i] = values[i];
        }
        return new Observation(rs.getString("arm"), context, rs.getDouble("reward"));
    }

    private static OfferArm arm(ResultSet rs, int row) throws SQLException {
        return new OfferArm(
                rs.getString("name"),
                OfferArm.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("cost"),
                rs.getBigDecimal("budget"),
                rs.getBigDecimal("spent"));
    }
}
