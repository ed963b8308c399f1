/** Benchmarks and deterministic log generators. */
package io.egressdoctor.bench;
