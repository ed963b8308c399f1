package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.util.List;
import java.util.Objects;

/**
 * What every rule declares besides its logic: the Sigma metadata and the two display extensions.
 *
 * @param id the UUID
 * @param name the short kebab-case name
 * @param title the one-line title
 * @param status stable, test, experimental, deprecated or unsupported
 * @param description what the rule detects and why it matters
 * @param references URLs backing the diagnosis
 * @param author who wrote it
 * @param date when it was written, {@code YYYY-MM-DD}
 * @param tags every tag, the pattern tag included
 * @param pattern the catalog pattern, without {@code pattern.}
 * @param level how serious a finding is
 * @param falsepositives when the rule fires without a real problem
 * @param fields the ECS fields a finding lists as its entities
 * @param fix the fix template, or empty
 * @param summary the summary template, or empty for the generated one
 * @param agentHostsOnly whether a query rule counts only events of the investigation's agent,
 *     installer and appliance hosts (extension {@code agent_hosts_only}); every event when none is
 *     known
 * @param file the file the rule was read from
 * @param line the line its document starts on
 */
public record RuleMeta(
    String id,
    String name,
    String title,
    String status,
    String description,
    List<String> references,
    String author,
    String date,
    List<String> tags,
    String pattern,
    Level level,
    List<String> falsepositives,
    List<String> fields,
    String fix,
    String summary,
    boolean agentHostsOnly,
    String file,
    int line) {

  public RuleMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    references = List.copyOf(references);
    tags = List.copyOf(tags);
    falsepositives = List.copyOf(falsepositives);
    fields = List.copyOf(fields);
    fix = Objects.requireNonNullElse(fix, "");
    summary = Objects.requireNonNullElse(summary, "");
  }

  /** The reference findings carry. */
  public RuleRef ref() {
    return new RuleRef(id, name, title);
  }

  /** {@code file:line}. */
  public String location() {
    return file + ":" + line;
  }
}
