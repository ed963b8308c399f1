/**
 * Strict YAML (and JSON) reading for the files support engineers write: rules, log formats and the
 * endpoint catalog. Values keep the line they start on, so that every loader can name the file and
 * line of each problem, and duplicate keys are problems instead of silently keeping the last.
 */
package io.egressdoctor.core.yaml;
