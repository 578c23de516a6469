/**
 * Offer personalization as a contextual bandit: linear Thompson sampling over customer features,
 * one Bayesian linear model per arm (discount, free shipping, bonus points, exclusive access …),
 * with budgets that take an arm out of play when it cannot be paid for.
 */
@NullMarked
package io.hearth.ml.bandit;

import org.jspecify.annotations.NullMarked;
