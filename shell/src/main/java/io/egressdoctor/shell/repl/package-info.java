/**
 * The interactive shell: a JLine line reader over the command line's picocli tree, plus the
 * commands that only make sense with an index held open (count, top, timeline, findings, explain,
 * show, fields, history).
 */
package io.egressdoctor.shell.repl;
