/**
 * Wiring only: the database (embedded or external, migrations, the tenant-bound connection pool),
 * security, problem details, the clock and observability. Holds no business rules.
 */
@NullMarked
package io.hearth.platform;

import org.jspecify.annotations.NullMarked;
