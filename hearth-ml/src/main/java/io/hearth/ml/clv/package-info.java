/**
 * Customer-lifetime-value models: BG/NBD and Pareto/NBD for purchase counts, Gamma-Gamma for spend.
 *
 * <p>Inputs are per-customer sufficient statistics (repeat transactions, recency, age) built from
 * plain transactions; everything is fitted by maximum likelihood with an in-house BFGS optimizer.
 */
@NullMarked
package io.hearth.ml.clv;

import org.jspecify.annotations.NullMarked;
