package io.hearth.recommendations;

/**
 * What a node serves from memory for a tenant: how much of a shopper's first slate of a version is
 * ready before they ask.
 *
 * @param precomputedShoppers shoppers of the served version whose "for you" candidates were computed
 *     ahead
 * @param rememberedCustomers customers (of all tenants on this node) whose identities and consents are
 *     in memory
 * @param catalogueProducts the tenant's products whose serving facts (stock, category, replenishment)
 *     are in memory; 0 until they are read
 */
public record ServingMemory(int precomputedShoppers, int rememberedCustomers, int catalogueProducts) {}
