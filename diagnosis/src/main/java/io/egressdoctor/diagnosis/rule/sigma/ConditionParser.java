package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Sigma condition and combines the compiled selections accordingly.
 *
 * <p>Grammar, loosest first: {@code or}, {@code and}, {@code not}, then a selection name, a
 * parenthesised condition, or {@code N of PATTERN} / {@code all of PATTERN}, where PATTERN is a
 * name with {@code *} wildcards or {@code them} (every selection not starting with {@code _}).
 */
final class ConditionParser {

  private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9_*.\\-]+)");

  private final Map<String, EventQuery> selections;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private ConditionParser(Map<String, EventQuery> selections) {
    this.selections = selections;
  }

  /**
   * The query of a condition.
   *
   * @throws IllegalArgumentException with a message for the user when the condition is bad
   */
  static EventQuery parse(String condition, Map<String, EventQuery> selections) {
    ConditionParser p = new ConditionParser(selections);
    p.tokenize(condition);
    if (p.tokens.isEmpty()) {
      throw new IllegalArgumentException("empty condition");
    }
    EventQuery q = p.or();
    if (p.pos < p.tokens.size()) {
      throw new IllegalArgumentException(
          "unexpected '" + p.tokens.get(p.pos) + "' in condition '" + condition + "'");
    }
    return q;
  }

  private void tokenize(String text) {
    Matcher m = TOKEN.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (text.substring(at).isBlank()) {
        return;
      }
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "cannot read condition '" + text + "' at '" + text.substring(at).strip() + "'");
      }
      tokens.add(m.group(1));
      at = m.end();
    }
  }

  private EventQuery or() {
    List<EventQuery> any = new ArrayList<>(List.of(and()));
    while (peekKeyword("or")) {
      pos++;
      any.add(and());
    }
    return any.size() == 1 ? any.get(0) : Queries.or(any);
  }

  private EventQuery and() {
    List<EventQuery> all = new ArrayList<>(List.of(not()));
    while (peekKeyword("and")) {
      pos++;
      all.add(not());
    }
    return all.size() == 1 ? all.get(0) : Queries.and(all);
  }

  private EventQuery not() {
    if (peekKeyword("not")) {
      pos++;
      return Queries.not(not());
    }
    return primary();
  }

  private EventQuery primary() {
    String t = next("a selection name, 'not', '(' or 'N of'");
    if (t.equals("(")) {
      EventQuery inner = or();
      String close = next("')'");
      if (!close.equals(")")) {
        throw new IllegalArgumentException("expected ')' but found '" + close + "'");
      }
      return inner;
    }
    if (peekKeyword("of")) {
      pos++;
      return quantified(t, next("a selection pattern or 'them' after 'of'"));
    }
    if (isKeyword(t) || t.equals(")")) {
      throw new IllegalArgumentException("unexpected '" + t + "' in condition");
    }
    EventQuery q = selections.get(t);
    if (q == null) {
      throw new IllegalArgumentException(
          "condition names '" + t + "', which is not a selection of this detection " + names());
    }
    return q;
  }

  private EventQuery quantified(String quantity, String pattern) {
    List<EventQuery> matching = new ArrayList<>();
    Pattern p = pattern.equals("them") ? null : glob(pattern);
    selections.forEach(
        (name, q) -> {
          boolean hit = p == null ? !name.startsWith("_") : p.matcher(name).matches();
          if (hit) {
            matching.add(q);
          }
        });
    if (matching.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + quantity + " of " + pattern + "' matches no selection " + names());
    }
    if (quantity.toLowerCase(Locale.ROOT).equals("all")) {
      return Queries.and(matching);
    }
    int n;
    try {
      n = Integer.parseInt(quantity);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number or 'all' before 'of', found '" + quantity + "'");
    }
    if (n < 1 || n > matching.size()) {
      throw new IllegalArgumentException(
          "'"
              + n
              + " of "
              + pattern
              + "' needs between 1 and "
              + matching.size()
              + " (the selections it matches)");
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    return new EventQuery.Bool(List.of(), matching, List.of(), n);
  }

  private String names() {
    return "(" + String.join(", ", selections.keySet()) + ")";
  }

  private static Pattern glob(String pattern) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(".*");
      }
      if (!parts[i].isEmpty()) {
        sb.append(Pattern.quote(parts[i]));
      }
    }
    return Pattern.compile(sb.toString());
  }

  private boolean peekKeyword(String word) {
    return pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(word);
  }

  private static boolean isKeyword(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    return l.equals("and") || l.equals("or") || l.equals("not") || l.equals("of");
  }

  private String next(String expected) {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("condition ends where " + expected + " was expected");
    }
    return tokens.get(pos++);
  }
}
