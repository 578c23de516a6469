package io.hearth.predictions.internal;

import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the health parts into what moved the score: with a previous score stored, each factor's
 * effect becomes the points it gained or lost since then, largest move first; without one, the parts
 * stay as they are (effect = points earned, weakest first).
 */
final class HealthMovers {

    private HealthMovers() {}

    static Prediction since(Prediction health, Optional<ScoreStore.Stored> previous) {
        if (previous.isEmpty()) {
            return health;
        }
        Map<String, Double> before = previous.get().healthParts();
        List<Factor> moved = health.explanation().stream()
                .map(part -> moved(part, before.getOrDefault(part.name(), 0.0)))
                .sorted(Comparator.comparingDouble((Factor f) -> Math.abs(f.effect()))
                        .reversed())
                .toList();
        return new Prediction(
                health.value(), health.label(), health.unit(), moved, health.modelVersion(), health.fallback());
    }

    private static Factor moved(Factor part, double before) {
        double delta = part.effect() - before;
        String detail = String.format(
                Locale.ROOT, "%s: %.1f points, %+.1f since the previous score", part.detail(), part.effect(), delta);
        return new Factor(part.name(), part.value(), delta, detail);
    }

    /** Points per part, as stored for the next comparison. */
    static Map<String, Double> parts(Prediction health) {
        Map<String, Double> points = new java.util.LinkedHashMap<>();
        health.explanation().forEach(part -> points.put(part.name(), part.effect()));
        return points;
    }
}
