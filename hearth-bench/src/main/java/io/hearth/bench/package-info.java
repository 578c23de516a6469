/** Benchmarks and load drivers; run on demand, results in docs/benchmarks.md. */
package io.hearth.bench;
