/**
 * The diagnosis report: its model ({@link io.egressdoctor.report.Report}), how it is built from an
 * index and findings, redaction, and the text, Markdown, HTML and JSON writers.
 */
package io.egressdoctor.report;
