/**
 * Message sentiment: a VADER-style rule-based scorer (Hutto and Gilbert 2014) over a valence lexicon
 * supplied as data, and a trained alternative for shops with labelled messages.
 */
@NullMarked
package io.hearth.ml.sentiment;

import org.jspecify.annotations.NullMarked;
