package io.hearth.predictions.internal;

import io.hearth.ml.churn.Engagement;
import io.hearth.predictions.CustomerEngagement;
import io.hearth.predictions.EngagementSource;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens, clicks and support contacts from every {@link EngagementSource} the application has (none
 * in a test that starts predictions alone), as hearth-ml's churn model reads them.
 */
@Component
class EngagementReader {

    private final ObjectProvider<EngagementSource> sources;

    EngagementReader(ObjectProvider<EngagementSource> sources) {
        this.sources = sources;
    }

    /** The engagements of these customers strictly before {@code before}. */
    List<Engagement> before(TenantId tenant, Collection<CustomerId> customers, Instant before) {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Engagement> engagements = new ArrayList<>();
        sources.orderedStream()
                .flatMap(source -> source.engagements(tenant, customers, before).stream())
                .filter(engagement -> engagement.at().isBefore(before))
                .forEach(engagement -> engagements.add(toModel(engagement)));
        return engagements;
    }

    private static Engagement toModel(CustomerEngagement engagement) {
        Engagement.Kind kind = switch (engagement.kind()) {
            case MESSAGE_OPENED -> Engagement.Kind.MESSAGE_OPEN;
            case MESSAGE_CLICKED -> Engagement.Kind.CLICK;
            case SUPPORT_CONTACT -> Engagement.Kind.SUPPORT_CONTACT;
            case NEGATIVE_SUPPORT_CONTACT -> Engagement.Kind.NEGATIVE_SUPPORT_CONTACT;
        };
        return new Engagement(engagement.customer().value(), engagement.at(), kind);
    }
}
