/**
 * The endpoint matrix: which catalog services the agent's own evidence shows, in which regions, and
 * for each of their required endpoints what the logs say about it.
 */
package io.egressdoctor.diagnosis.matrix;
