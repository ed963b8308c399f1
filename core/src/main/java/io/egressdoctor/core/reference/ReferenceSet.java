package io.egressdoctor.core.reference;

/**
 * One loaded piece of reference data, as {@code reference list} and the report's inputs show it.
 *
 * @param name a short name, usually the file name
 * @param kind {@code aws-ip-ranges}, {@code azure-service-tags}, {@code endpoint-inventory}, {@code
 *     allowlist}...
 * @param path the file it was read from
 * @param entries how many entries it holds
 */
public record ReferenceSet(String name, String kind, String path, long entries) {}
