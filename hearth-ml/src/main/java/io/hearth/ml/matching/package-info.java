/**
 * String similarity for record linkage: Jaro-Winkler for typos and transpositions in short fields
 * such as names, and Soundex to block names that sound alike into the same bucket.
 */
@NullMarked
package io.hearth.ml.matching;

import org.jspecify.annotations.NullMarked;
