/** Training, model storage and serving, re-ranking, attribution and the HTTP API of recommendations. */
@NullMarked
package io.hearth.recommendations.internal;

import org.jspecify.annotations.NullMarked;
