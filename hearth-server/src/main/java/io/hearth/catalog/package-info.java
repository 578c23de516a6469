/**
 * Catalog: the tenant's products and their attributes (name, category, brand, price, stock, whether
 * they are bought again and again), fed from the product fields of ingested events and from the
 * product API. Every change that alters a product is announced with {@link
 * io.hearth.catalog.ProductChanged}.
 */
@NullMarked
package io.hearth.catalog;

import org.jspecify.annotations.NullMarked;
