/**
 * Tenants, their event sources and write keys, admin API keys with scopes, and per-key rate limits.
 * Keys are shown once at creation and stored only as SHA-256 hashes.
 */
@NullMarked
package io.hearth.tenancy;

import org.jspecify.annotations.NullMarked;
