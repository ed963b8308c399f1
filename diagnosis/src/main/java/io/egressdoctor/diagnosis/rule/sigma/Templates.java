package io.egressdoctor.diagnosis.rule.sigma;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code {{placeholder}}} names of a fix or summary template. */
public final class Templates {

  /** A placeholder: two braces, a name, two braces; spaces inside the braces are allowed. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_@.\\-]+)\\s*}}");

  /** Placeholders that are not fields: facts about the finding itself. */
  public static final Set<String> BUILT_IN =
      Set.of("count", "first_seen", "last_seen", "title", "rule", "groups");

  private Templates() {}

  /** The placeholder names in order of first use. */
  public static Set<String> placeholders(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
