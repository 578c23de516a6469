package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Step;
import io.hearth.journeys.Trigger;
import io.hearth.shared.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The tracked-event names journeys react to: the exit conditions and awaited events of every
 * published version (runs in flight may be on any of them) and the event triggers of the newest. An
 * event with another name needs no profile lookup and no run query at all, which keeps a busy
 * stream of page views and purchases from waiting on profile building for nothing. The names are
 * kept per tenant until the tenant publishes again (seen as a new count of versions, so a publish
 * on another node is seen too).
 */
@Component
class ListenedEvents {

    private final Definitions definitions;
    private final Map<TenantId, Names> names = new ConcurrentHashMap<>();

    ListenedEvents(Definitions definitions) {
        this.definitions = definitions;
    }

    private record Names(long versions, Set<String> ofRuns) {}

    /** The names of events that may exit, wake or start a run; {@code newest} are the newest versions. */
    Set<String> of(TenantId tenant, List<JourneyVersion> newest) {
        Set<String> listened = new HashSet<>(ofRuns(tenant));
        for (JourneyVersion journey : newest) {
            if (journey.definition().trigger() instanceof Trigger.OnEvent trigger) {
                listened.add(trigger.event());
            }
        }
        return listened;
    }

    private Set<String> ofRuns(TenantId tenant) {
        long versions = definitions.count(tenant);
        Names known = names.get(tenant);
        if (known != null && known.versions() == versions) {
            return known.ofRuns();
        }
        Set<String> ofRuns = new HashSet<>();
        for (JourneyVersion version : definitions.all(tenant)) {
            ofRuns.addAll(version.definition().exitWhen());
            for (Step step : version.definition().steps()) {
                if (step instanceof Step.WaitForEvent wait) {
                    ofRuns.add(wait.event());
                }
            }
        }
        names.put(tenant, new Names(versions, Set.copyOf(ofRuns)));
        return Set.copyOf(ofRuns);
    }
}
