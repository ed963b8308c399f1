package io.egressdoctor.core.query;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Parses the query language people type: Lucene syntax over ECS names, read by field type.
 *
 * <p>{@code field:value} means what the field's type suggests: {@code source.ip:10.0.0.0/8} is a
 * CIDR match, {@code destination.port:[1000 TO 2000]} a numeric range, {@code
 * @timestamp:2024-05-01} the whole day, {@code destination.domain:*.servicebus.windows.net} a
 * suffix match. Clauses next to each other must all match (as in log search tools, unlike
 * Lucene's default OR); {@code OR}, {@code AND}, {@code NOT}, {@code -}, {@code +} and
 * parentheses combine them. A word without a field is searched in {@code message} and {@code
 * event.original}. Errors name the problem and its column.
 *
 * <p>A query is bounded so that no text typed or pasted can exhaust the stack or the heap: at most
 * {@link #MAX_DEPTH} levels of parentheses and {@code NOT}, at most {@link #MAX_CLAUSES} clauses,
 * and wildcards and regular expressions that compile to an automaton of bounded size.
 */
public final class EventQueryParser {

  private static final List<String> DEFAULT_TEXT_FIELDS =
      List.of(Fields.MESSAGE.name(), Fields.EVENT_ORIGINAL.name());

  /** The deepest nesting of parentheses and {@code NOT} a query may have. */
  public static final int MAX_DEPTH = 32;

  /** The most clauses (terms, values of a list, ranges...) a query may have. */
  public static final int MAX_CLAUSES = 512;

  private final ZoneId zone;
  private final Instant now;
  private String text;
  private int pos;
  private int depth;
  private int clauses;

  /** A parser reading zone-less dates as UTC. */
  public EventQueryParser() {
    this(ZoneOffset.UTC, Instant.now());
  }

  /** A parser reading zone-less dates in {@code zone}, with {@code now} for relative dates. */
  public EventQueryParser(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  /** Parses one query; a blank query, {@code *} or {@code *:*} matches everything. */
  public synchronized EventQuery parse(String query) {
    this.text = query == null ? "" : query;
    this.pos = 0;
    this.depth = 0;
    this.clauses = 0;
    skipWhitespace();
    if (atEnd() || text.strip().equals("*") || text.strip().equals("*:*")) {
      return Queries.all();
    }
    EventQuery q = parseOr();
    skipWhitespace();
    if (!atEnd()) {
      throw error(peek() == ')' ? "unexpected ')'" : "unexpected '" + peek() + "'", pos);
    }
    return q;
  }

  private EventQuery parseOr() {
    List<EventQuery> alternatives = new ArrayList<>();
    alternatives.add(parseAnd());
    while (true) {
      skipWhitespace();
      if (consumeKeyword("OR") || consumeSymbol("||")) {
        alternatives.add(parseAnd());
      } else {
        break;
      }
    }
    return Queries.or(alternatives);
  }

  private EventQuery parseAnd() {
    List<EventQuery> must = new ArrayList<>();
    List<EventQuery> mustNot = new ArrayList<>();
    addClause(must, mustNot);
    while (true) {
      skipWhitespace();
      if (atEnd() || peek() == ')' || lookingAtKeyword("OR") || lookingAt("||")) {
        break;
      }
      if (consumeKeyword("AND") || consumeSymbol("&&")) {
        skipWhitespace();
        if (atEnd()) {
          throw error("AND needs a clause after it", pos);
        }
      }
      addClause(must, mustNot);
    }
    if (mustNot.isEmpty()) {
      return Queries.and(must);
    }
    if (must.isEmpty()) {
      must.add(Queries.all());
    }
    return new EventQuery.Bool(must, List.of(), mustNot, 0);
  }

  private void addClause(List<EventQuery> must, List<EventQuery> mustNot) {
    skipWhitespace();
    if (atEnd()) {
      throw error("a clause is missing", pos);
    }
    counted(pos);
    if (consumeKeyword("NOT") || consumeSymbol("!") || consumeSymbol("-")) {
      mustNot.add(parseUnaryOperand());
    } else {
      consumeSymbol("+");
      must.add(parseUnaryOperand());
    }
  }

  private EventQuery parseUnaryOperand() {
    skipWhitespace();
    if (atEnd()) {
      throw error("a clause is missing", pos);
    }
    if (lookingAtKeyword("NOT") || lookingAt("!") || lookingAt("-")) {
      List<EventQuery> must = new ArrayList<>();
      List<EventQuery> mustNot = new ArrayList<>();
      deeper(pos);
      addClause(must, mustNot);
      depth--;
      return mustNot.isEmpty()
          ? must.get(0)
          : new EventQuery.Bool(List.of(Queries.all()), List.of(), mustNot, 0);
    }
    return parsePrimary();
  }

  private EventQuery parsePrimary() {
    if (peek() == '(') {
      int open = pos;
      deeper(open);
      pos++;
      EventQuery inner = parseOr();
      depth--;
      skipWhitespace();
      if (atEnd() || peek() != ')') {
        throw error("missing ')' for the '(' at column " + (open + 1), pos);
      }
      pos++;
      return inner;
    }
    if (peek() == ')') {
      throw error("unexpected ')'", pos);
    }
    if (peek() == '"') {
      int start = pos;
      String phrase = readQuoted();
      return bareText(phrase, true, start);
    }
    int start = pos;
    int nameEnd = scanFieldName();
    if (nameEnd > start && nameEnd < text.length() && text.charAt(nameEnd) == ':') {
      String name = text.substring(start, nameEnd);
      pos = nameEnd + 1;
      return fieldClause(name, start);
    }
    Word word = readWord(false);
    if (word.text().isEmpty()) {
      throw error("unexpected '" + peek() + "'", pos);
    }
    return bareText(word.text(), false, start);
  }

  private EventQuery bareText(String value, boolean phrase, int at) {
    if (value.isBlank()) {
      throw error("empty search term", at);
    }
    List<EventQuery> alternatives = new ArrayList<>();
    for (String f : DEFAULT_TEXT_FIELDS) {
      alternatives.add(new EventQuery.Text(f, value.replace("*", "").replace("?", ""), phrase));
    }
    return Queries.or(alternatives);
  }

  private EventQuery fieldClause(String name, int namePos) {
    if (name.equals("_exists_")) {
      int at = pos;
      Word w = readWord(false);
      return new EventQuery.Exists(resolve(w.text(), at).name());
    }
    FieldDefinition field = resolve(name, namePos);
    if (atEnd() || Character.isWhitespace(peek())) {
      throw error("no value after '" + name + ":'", pos);
    }
    char c = peek();
    if (c == '(') {
      return valueList(field);
    }
    if (c == '[' || c == '{') {
      return range(field);
    }
    if (c == '>' || c == '<') {
      return comparison(field);
    }
    int at = pos;
    if (c == '"') {
      String quoted = readQuoted();
      return value(field, quoted, true, false, at);
    }
    if (c == '/' && field.type() == FieldType.KEYWORD) {
      String regex = readRegex();
      checkAutomaton(() -> new RegExp(regex).toAutomaton(), "regular expression", at);
      return new EventQuery.Regex(field.name(), regex);
    }
    Word w = readWord(false);
    return value(field, w.text(), false, w.wildcard(), at);
  }

  private EventQuery valueList(FieldDefinition field) {
    int open = pos;
    pos++;
    List<EventQuery> alternatives = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        throw error("missing ')' for the '(' at column " + (open + 1), pos);
      }
      if (peek() == ')') {
        pos++;
        break;
      }
      if (consumeKeyword("OR") || consumeSymbol("||")) {
        continue;
      }
      int at = pos;
      counted(at);
      if (peek() == '"') {
        alternatives.add(value(field, readQuoted(), true, false, at));
      } else {
        Word w = readWord(false);
        if (w.text().isEmpty()) {
          throw error("unexpected '" + peek() + "'", pos);
        }
        alternatives.add(value(field, w.text(), false, w.wildcard(), at));
      }
    }
    if (alternatives.isEmpty()) {
      throw error("empty value list", open);
    }
    boolean allTerms = alternatives.stream().allMatch(q -> q instanceof EventQuery.Term);
    if (allTerms && alternatives.size() > 1) {
      return new EventQuery.Terms(
          field.name(), alternatives.stream().map(q -> ((EventQuery.Term) q).value()).toList());
    }
    return Queries.or(alternatives);
  }

  private EventQuery range(FieldDefinition field) {
    int open = pos;
    boolean includeLower = text.charAt(pos) == '[';
    pos++;
    skipWhitespace();
    int lowerAt = pos;
    String lower = readRangeBound();
    skipWhitespace();
    if (!consumeKeyword("TO")) {
      throw error("expected 'TO' in the range at column " + (open + 1), pos);
    }
    skipWhitespace();
    int upperAt = pos;
    String upper = readRangeBound();
    skipWhitespace();
    if (atEnd() || (peek() != ']' && peek() != '}')) {
      throw error("missing ']' or '}' for the range at column " + (open + 1), pos);
    }
    boolean includeUpper = peek() == ']';
    pos++;
    return rangeQuery(field, lower, lowerAt, includeLower, upper, upperAt, includeUpper);
  }

  private EventQuery comparison(FieldDefinition field) {
    boolean greater = peek() == '>';
    pos++;
    boolean inclusive = !atEnd() && peek() == '=';
    if (inclusive) {
      pos++;
    }
    int at = pos;
    Word w = readWord(false);
    if (w.text().isEmpty()) {
      throw error("no value after the comparison", at);
    }
    return greater
        ? rangeQuery(field, w.text(), at, inclusive, "*", at, true)
        : rangeQuery(field, "*", at, true, w.text(), at, inclusive);
  }

  private EventQuery rangeQuery(
      FieldDefinition field,
      String lower,
      int lowerAt,
      boolean includeLower,
      String upper,
      int upperAt,
      boolean includeUpper) {
    String name = field.name();
    switch (field.type()) {
      case DATE -> {
        String lo = null;
        String hi = null;
        boolean hiInclusive = false;
        if (!lower.equals("*")) {
          QueryDates.Span span = date(lower, lowerAt);
          lo = Long.toString(includeLower ? span.start() : span.end());
        }
        if (!upper.equals("*")) {
          QueryDates.Span span = date(upper, upperAt);
          hi = Long.toString(includeUpper ? span.end() : span.start());
        }
        return new EventQuery.Range(name, lo, hi, true, hiInclusive);
      }
      case LONG -> {
        return new EventQuery.Range(
            name,
            open(lower) ? null : Long.toString(number(lower, lowerAt)),
            open(upper) ? null : Long.toString(number(upper, upperAt)),
            includeLower,
            includeUpper);
      }
      case IP -> {
        return new EventQuery.Range(
            name,
            open(lower) ? null : ip(lower, lowerAt),
            open(upper) ? null : ip(upper, upperAt),
            includeLower,
            includeUpper);
      }
      case KEYWORD -> {
        return new EventQuery.Range(
            name,
            open(lower) ? null : normalise(field, lower),
            open(upper) ? null : normalise(field, upper),
            includeLower,
            includeUpper);
      }
      default -> throw error(field.type().label() + " field '" + name + "' has no ranges", lowerAt);
    }
  }

  private EventQuery value(
      FieldDefinition field, String raw, boolean quoted, boolean wildcard, int at) {
    String name = field.name();
    if (raw.isEmpty()) {
      throw error("empty value for '" + name + "'", at);
    }
    if (!quoted && raw.equals("*")) {
      return new EventQuery.Exists(name);
    }
    return switch (field.type()) {
      case KEYWORD -> {
        EventQuery q = keywordValue(field, raw, wildcard);
        if (q instanceof EventQuery.Wildcard w) {
          checkAutomaton(
              () ->
                  WildcardQuery.toAutomaton(
                      new Term(w.field(), w.pattern()), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT),
              "wildcard",
              at);
        }
        yield q;
      }
      case TEXT -> new EventQuery.Text(name, raw, quoted);
      case IP -> {
        if (raw.indexOf('/') >= 0) {
          Cidr cidr =
              Cidr.parse(raw).orElseThrow(() -> error("not a CIDR network: '" + raw + "'", at));
          yield new EventQuery.CidrMatch(name, cidr.toString());
        }
        yield new EventQuery.Term(name, ip(raw, at));
      }
      case LONG -> new EventQuery.Term(name, Long.toString(number(raw, at)));
      case DATE -> {
        QueryDates.Span span = date(raw, at);
        yield new EventQuery.Range(
            name, Long.toString(span.start()), Long.toString(span.end()), true, false);
      }
      case BOOLEAN -> {
        String b = raw.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
          throw error("'" + name + "' is true or false, not '" + raw + "'", at);
        }
        yield new EventQuery.Term(name, b);
      }
    };
  }

  private EventQuery keywordValue(FieldDefinition field, String raw, boolean wildcard) {
    String v = normalise(field, raw);
    if (!wildcard) {
      return new EventQuery.Term(field.name(), unescape(v));
    }
    int stars = countUnescaped(v, '*');
    int questions = countUnescaped(v, '?');
    if (questions == 0 && stars == 1 && v.startsWith("*") && v.length() > 1) {
      return new EventQuery.Suffix(field.name(), unescape(v.substring(1)));
    }
    if (questions == 0 && stars == 1 && v.endsWith("*") && !v.endsWith("\\*")) {
      return new EventQuery.Prefix(field.name(), unescape(v.substring(0, v.length() - 1)));
    }
    return new EventQuery.Wildcard(field.name(), v);
  }

  private FieldDefinition resolve(String name, int at) {
    Optional<FieldDefinition> field = Fields.find(name);
    if (field.isPresent()) {
      return field.get();
    }
    String hint = FieldNames.closest(name).map(s -> " (did you mean '" + s + "'?)").orElse("");
    throw error("unknown field '" + name + "'" + hint, at);
  }

  private static String normalise(FieldDefinition field, String v) {
    return field.lowercase() ? v.toLowerCase(Locale.ROOT) : v;
  }

  private static boolean open(String bound) {
    return bound.equals("*");
  }

  private long number(String raw, int at) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw error("not a number: '" + raw + "'", at);
    }
  }

  private String ip(String raw, int at) {
    return IpAddresses.canonical(raw)
        .orElseThrow(() -> error("not an IP address: '" + raw + "'", at));
  }

  private QueryDates.Span date(String raw, int at) {
    return QueryDates.parse(raw, zone, now)
        .orElseThrow(
            () ->
                error(
                    "not a date: '" + raw + "' (try 2024-05-01, 2024-05-01T10:00 or now-1h)", at));
  }

  private String readRangeBound() {
    int start = pos;
    if (!atEnd() && peek() == '"') {
      return readQuoted();
    }
    while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ']' && peek() != '}') {
      pos++;
    }
    if (pos == start) {
      throw error("a range bound is missing", pos);
    }
    return text.substring(start, pos);
  }

  private record Word(String text, boolean wildcard) {}

  private Word readWord(boolean stopAtColon) {
    StringBuilder sb = new StringBuilder();
    boolean wildcard = false;
    while (!atEnd()) {
      char c = peek();
      if (Character.isWhitespace(c) || c == '(' || c == ')' || (stopAtColon && c == ':')) {
        break;
      }
      if (c == '\\' && pos + 1 < text.length()) {
        sb.append(c).append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (c == '*' || c == '?') {
        wildcard = true;
      }
      sb.append(c);
      pos++;
    }
    return new Word(sb.toString(), wildcard);
  }

  private String readQuoted() {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (!atEnd() && peek() != '"') {
      if (peek() == '\\' && pos + 1 < text.length()) {
        pos++;
      }
      sb.append(peek());
      pos++;
    }
    if (atEnd()) {
      throw error("unclosed '\"' opened at column " + (start + 1), start);
    }
    pos++;
    return sb.toString();
  }

  private String readRegex() {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (!atEnd() && peek() != '/') {
      if (peek() == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        pos++;
      }
      sb.append(peek());
      pos++;
    }
    if (atEnd()) {
      throw error("unclosed '/' of the regular expression at column " + (start + 1), start);
    }
    pos++;
    return sb.toString();
  }

  private int scanFieldName() {
    int i = pos;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '-') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int countUnescaped(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private boolean lookingAtKeyword(String kw) {
    if (!text.startsWith(kw, pos)) {
      return false;
    }
    int end = pos + kw.length();
    return end == text.length()
        || Character.isWhitespace(text.charAt(end))
        || text.charAt(end) == '(';
  }

  private boolean consumeKeyword(String kw) {
    if (lookingAtKeyword(kw)) {
      pos += kw.length();
      return true;
    }
    return false;
  }

  private boolean lookingAt(String symbol) {
    return text.startsWith(symbol, pos);
  }

  private boolean consumeSymbol(String symbol) {
    if (lookingAt(symbol)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private void deeper(int at) {
    if (++depth > MAX_DEPTH) {
      throw error("the query nests more than " + MAX_DEPTH + " levels of '(' or NOT", at);
    }
  }

  private void counted(int at) {
    if (++clauses > MAX_CLAUSES) {
      throw error("the query has more than " + MAX_CLAUSES + " clauses", at);
    }
  }

  /**
   * Builds a wildcard's or regular expression's automaton as the index will, so one that is
   * malformed, too large to determinize or nested deep enough to overflow the stack is a query
   * error at its column rather than a failure at search time.
   */
  private void checkAutomaton(
      java.util.function.Supplier<org.apache.lucene.util.automaton.Automaton> build,
      String what,
      int at) {
    try {
      Operations.determinize(build.get(), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    } catch (TooComplexToDeterminizeException e) {
      throw error("the " + what + " is too complex to run; simplify it", at);
    } catch (StackOverflowError e) {
      throw error("the " + what + " is nested too deeply", at);
    } catch (IllegalArgumentException e) {
      throw error("invalid " + what + ": " + e.getMessage(), at);
    }
  }

  private QuerySyntaxException error(String problem, int at) {
    return new QuerySyntaxException(problem, at + 1);
  }
}
