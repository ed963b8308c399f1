package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;

/**
 * What Cisco WSA / Secure Web Appliance writes after the ten Squid fields of its native access log:
 * the ACL decision tag ({@code BLOCK_WEBCAT_12-Policy-Identity-...}), the scanning verdicts in
 * angle brackets (the first is the URL category code) and the suspect user agent.
 */
final class WsaAccessLogExtras {

  private static final FieldDefinition VERDICTS = Fields.get("labels.wsa_scan_verdicts");
  private static final FieldDefinition SUSPECT_AGENT = Fields.get("labels.wsa_suspect_user_agent");

  private WsaAccessLogExtras() {}

  /** {@code BLOCK_WEBCAT_12-...}: upper-case words and digits joined by '_', then a '-'. */
  private static boolean isDecisionTag(String rest, int end) {
    int dash = rest.indexOf('-');
    if (dash <= 0 || dash >= end || !Character.isUpperCase(rest.charAt(0))) {
      return false;
    }
    for (int i = 0; i < dash; i++) {
      char c = rest.charAt(i);
      if (!Character.isUpperCase(c) && !Character.isDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Sets the fields when the text is WSA's extras; false when it is something else. */
  static boolean apply(Event.Builder b, String rest) {
    int space = rest.indexOf(' ');
    int open = space < 0 ? -1 : rest.indexOf('<', space);
    int close = rest.lastIndexOf('>');
    if (open < 0
        || close < open
        || !isDecisionTag(rest, space)
        || !rest.substring(space, open).isBlank()) {
      return false;
    }
    String tag = rest.substring(0, space);
    b.set(Fields.OBSERVER_PRODUCT, "cisco-wsa");
    b.set(Fields.RULE_NAME, tag);
    String verdicts = rest.substring(open + 1, close);
    b.set(VERDICTS, verdicts);
    int comma = verdicts.indexOf(',');
    String category = comma < 0 ? verdicts : verdicts.substring(0, comma);
    if (!category.isEmpty() && !category.equals("-") && !category.equals("nc")) {
      b.set(Fields.URL_CATEGORY, category);
    }
    String agent = rest.substring(close + 1).strip();
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
