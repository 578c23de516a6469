package io.hearth.ml.health;

/** The parts of the health score, each worth at most {@link #weight()} × 100 points. */
public enum HealthFactor {
    RECENCY(0.30, "bought recently for their own rhythm"),
    FREQUENCY(0.20, "buys often"),
    SPEND(0.15, "spent in the last 90 days"),
    TREND(0.15, "buying more than in the 90 days before"),
    ENGAGEMENT(0.10, "opens, clicks or visits"),
    REFUNDS(0.05, "rarely refunds"),
    SUPPORT(0.05, "rarely needs support");

    private final double weight;
    private final String description;

    HealthFactor(double weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    /** Share of the 100 points; the weights add up to 1. */
    public double weight() {
        return weight;
    }

    /** What a high value of the factor means, for the console. */
    public String description() {
        return description;
    }
}
