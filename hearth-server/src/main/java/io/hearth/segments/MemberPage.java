package io.hearth.segments;

import io.hearth.shared.CustomerId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Members of a segment in customer id order, with the cursor of the next page if there is one. */
public record MemberPage(
        List<CustomerId> customers, @Nullable String next) {

    public MemberPage {
        customers = List.copyOf(customers);
    }
}
