package io.hearth.profiles.internal;

import java.sql.PreparedStatement;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Runs a key lookup of the resolution pass as a statement PostgreSQL plans at every execution, not
 * once per connection. A pooled connection's prepared statement keeps the plan it got when it was
 * prepared: prepared while the shop's table was still empty and not analyzed, the lookup by primary
 * key was planned as a walk through another index that starts with the tenant (both cost the same on
 * an empty table), and that plan was kept while the table grew, until its next analyze. Under a
 * benchmark's first minute that made the already-linked check of a 250-event pass take 350 ms
 * instead of under 1 ms, inside the pass every event of the tenant waits for. Planning each time
 * costs a fraction of a millisecond.
 */
final class PlannedEachTime {

    private PlannedEachTime() {}

    static <T> List<T> query(JdbcTemplate jdbc, String sql, List<Object> parameters, RowMapper<T> rows) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    // 0: never a named server-side statement, so never a cached generic plan
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    return statement;
                },
                rows);
    }
}
