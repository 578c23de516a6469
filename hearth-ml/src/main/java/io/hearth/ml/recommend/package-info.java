/**
 * Recommendation algorithms: an implicit-feedback interaction matrix, implicit ALS, item
 * co-occurrence ("bought together"), decayed popularity, EASE, session-based kNN for anonymous
 * visitors, content similarity over item vectors, a blend with learned weights, a fallback chain
 * that always fills a slate, top-k selection and an offline ranking evaluation harness.
 *
 * <p>Every class works on dense indices handed out by {@link io.hearth.ml.recommend.IdIndex}; callers
 * keep their own external ids and translate at the boundary.
 */
@NullMarked
package io.hearth.ml.recommend;

import org.jspecify.annotations.NullMarked;
