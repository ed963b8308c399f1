package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Cisco WSA / Secure Web Appliance writes after the ten Squid fields of its native access log:
 * the ACL decision tag ({@code BLOCK_WEBCAT_12-Policy-Identity-...}), the scanning verdicts in
 * angle brackets (the first is the URL category code) and the suspect user agent.
 */
final class WsaAccessLogExtras {

  private static final Pattern EXTRAS =
      Pattern.compile("([A-Z][A-Z0-9_]*-\\S+)\\s+<([^>]*)>\\s*(.*)");
  private static final FieldDefinition VERDICTS = Fields.get("labels.wsa_scan_verdicts");
  private static final FieldDefinition SUSPECT_AGENT = Fields.get("labels.wsa_suspect_user_agent");

  private WsaAccessLogExtras() {}

  /** Sets the fields when the text is WSA's extras; false when it is something else. */
  static boolean apply(Event.Builder b, String rest) {
    Matcher m = EXTRAS.matcher(rest);
    if (!m.matches()) {
      return false;
    }
    String tag = m.group(1);
    b.set(Fields.OBSERVER_PRODUCT, "cisco-wsa");
    b.set(Fields.RULE_NAME, tag);
    String verdicts = m.group(2);
    b.set(VERDICTS, verdicts);
    int comma = verdicts.indexOf(',');
    String category = comma < 0 ? verdicts : verdicts.substring(0, comma);
    if (!category.isEmpty() && !category.equals("-") && !category.equals("nc")) {
      b.set(Fields.URL_CATEGORY, category);
    }
    String agent = m.group(3).strip();
    if (agent.length() >= 2 && agent.startsWith("\"") && agent.endsWith("\"")) {
      agent = agent.substring(1, agent.length() - 1);
    }
    if (!agent.isEmpty() && !agent.equals("-")) {
      b.set(SUSPECT_AGENT, agent);
    }
    if ((tag.startsWith("BLOCK_") || tag.startsWith("DROP_"))
        && !b.peek(Fields.EVENT_TYPE.name()).toString().contains("denied")) {
      b.add(Fields.EVENT_TYPE, "denied");
      b.set(Fields.EVENT_OUTCOME, "failure");
    }
    return true;
  }
}
