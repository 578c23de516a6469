/**
 * Association rules: plain basket rules mined with Apriori ({@link Apriori}) and sequential "bought A,
 * then B within N days" rules over customers' purchase histories ({@link SequentialRules}).
 */
@NullMarked
package io.hearth.ml.rules;

import org.jspecify.annotations.NullMarked;
