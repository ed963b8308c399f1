/**
 * Reading Sigma 2.x rule files: the located YAML tree, the strict loader, field aliases, log
 * sources, modifiers and conditions, and their compilation to {@link
 * io.egressdoctor.core.query.EventQuery}.
 */
package io.egressdoctor.diagnosis.rule.sigma;
