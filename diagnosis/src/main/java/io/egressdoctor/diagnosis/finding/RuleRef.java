package io.egressdoctor.diagnosis.finding;

import java.util.Objects;

/**
 * The rule a finding came from.
 *
 * @param id the rule's UUID
 * @param name its short kebab-case name, e.g. {@code denied-required-fqdn}
 * @param title its one-line title
 */
public record RuleRef(String id, String name, String title) {

  public RuleRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
  }
}
