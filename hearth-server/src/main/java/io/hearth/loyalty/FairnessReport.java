package io.hearth.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How offers and challenges were spread over groups of members since a time: by tier, or by a
 * grouping the caller supplies (a protected attribute Hearth does not store). A ratio is the
 * group's rate over the highest group's rate; under 0.8 fails the four-fifths rule of thumb.
 *
 * @param offerImpactRatio the lowest group's offer rate over the highest's (1 when even)
 * @param completionImpactRatio the same for challenge completion
 */
public record FairnessReport(
        Instant since,
        String groupedBy,
        List<Group> groups,
        double offerImpactRatio,
        double completionImpactRatio,
        List<String> belowFourFifths) {

    /**
     * One group's figures.
     *
     * @param offerRate the share of the group's members who got at least one offer
     * @param offerValue what the group's offers cost their budgets
     * @param completionRate completed challenge targets over targets set
     */
    public record Group(
            String group,
            long members,
            long offered,
            double offerRate,
            long offers,
            BigDecimal offerValue,
            long targets,
            double meanTarget,
            double meanProbability,
            long completed,
            double completionRate,
            long challengePoints,
            double offerRateRatio,
            double completionRateRatio) {}
}
