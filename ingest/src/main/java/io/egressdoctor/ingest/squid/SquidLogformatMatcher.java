package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.squid.LogformatToken.Code;
import io.egressdoctor.ingest.squid.LogformatToken.Literal;
import io.egressdoctor.ingest.squid.LogformatToken.Quoting;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads lines written with one {@link SquidLogformat} into events with the same fields as the
 * native parser.
 *
 * <p>Literals are matched as written, except that a space matches any run of spaces and tabs (so
 * width padding such as {@code %6tr} needs nothing special). A code's value ends where the next
 * literal starts: at the next space when that literal starts with a space, else at the literal's
 * first word. A {@code %"} quoted value is read as a C-style quoted string. Values are checked by
 * code (numbers, result codes, addresses, times), so that a line of another format is rejected
 * rather than mapped to nonsense. Not thread-safe: one matcher per input.
 */
final class SquidLogformatMatcher {

  /** What a code means to egress-doctor. */
  enum Kind {
    SECONDS,
    MILLIS,
    LOCAL_TIME,
    GMT_TIME,
    RESPONSE_TIME,
    CLIENT,
    CLIENT_PORT,
    NEXT_HOP,
    SERVER_PORT,
    RESULT,
    HIERARCHY,
    STATUS,
    BYTES,
    METHOD,
    URL,
    PATH,
    VERSION,
    USER,
    USER_LOGIN,
    USER_IDENT,
    MIME,
    ERROR_CODE,
    ERROR_DETAIL,
    SNI,
    REQUEST_HEADER,
    REPLY_HEADER,
    EXTRA
  }

  /** One token, compiled: a literal, or a code with what ends its value. */
  private record Step(
      String literal,
      Kind kind,
      Code code,
      String stop,
      boolean stopAtSpace,
      int innerSpaces,
      StrftimePattern time,
      FieldDefinition extraField) {}

  /** Where a user name may come from, best first. */
  private static final Kind[] USER_KINDS = {Kind.USER, Kind.USER_LOGIN, Kind.USER_IDENT};

  private final String formatName;
  private final Step[] steps;
  private final String[] values = new String[Kind.values().length];
  private final String[] tokenValues;
  private boolean trailing;

  SquidLogformatMatcher(SquidLogformat format, String formatName, ZoneId zone) {
    this.formatName = formatName;
    List<LogformatToken> tokens = format.tokens();
    this.steps = new Step[tokens.size()];
    this.tokenValues = new String[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      LogformatToken t = tokens.get(i);
      if (t instanceof Literal l) {
        steps[i] = new Step(l.text(), null, null, null, false, 0, null, null);
        continue;
      }
      Code c = (Code) t;
      String next =
          i + 1 < tokens.size() && tokens.get(i + 1) instanceof Literal l ? l.text() : null;
      Kind kind = kind(c);
      StrftimePattern time = null;
      if (kind == Kind.LOCAL_TIME || kind == Kind.GMT_TIME) {
        time =
            new StrftimePattern(
                c.argument() == null ? StrftimePattern.SQUID_DEFAULT : c.argument(),
                kind == Kind.GMT_TIME ? ZoneOffset.UTC : zone);
      }
      boolean stopAtSpace = next == null || Character.isWhitespace(next.charAt(0));
      String stop = stopAtSpace ? null : firstWord(next);
      FieldDefinition extra =
          kind == Kind.EXTRA ? Fields.get(SquidExtras.field(c.code(), c.argument())) : null;
      steps[i] =
          new Step(null, kind, c, stop, stopAtSpace, time == null ? 0 : time.spaces(), time, extra);
    }
  }

  /** Whether the last line read had text after its last token that is not header brackets. */
  boolean trailing() {
    return trailing;
  }

  /**
   * Reads one line into the builder; returns why the line does not fit, or null. Text after the
   * last token is read as {@code log_mime_hdrs} brackets, or else kept as {@code
   * squid.extra.trailing}.
   */
  String parse(String text, Event.Builder b) {
    java.util.Arrays.fill(values, null);
    int pos = 0;
    int len = text.length();
    if (steps.length > 0 && steps[0].literal == null) {
      // Lines pasted or shipped with a leading blank still start with the first code.
      while (pos < len && isSpace(text.charAt(pos))) {
        pos++;
      }
    }
    for (int i = 0; i < steps.length; i++) {
      Step s = steps[i];
      if (s.literal != null) {
        int next = matchLiteral(text, pos, s.literal, i == 0);
        if (next < 0) {
          return "expected '" + s.literal + "' at column " + (pos + 1);
        }
        pos = next;
        continue;
      }
      int end = valueEnd(text, pos, s);
      if (end < 0) {
        return "no end of %" + s.code.code() + " value at column " + (pos + 1);
      }
      String value = value(text.substring(pos, end), s.code.quoting());
      String problem = check(s, value);
      if (problem != null) {
        return problem;
      }
      tokenValues[i] = value;
      if (s.kind != Kind.EXTRA && s.kind != Kind.REQUEST_HEADER && s.kind != Kind.REPLY_HEADER) {
        values[s.kind.ordinal()] = value;
      }
      pos = end;
    }
    apply(b);
    trailing = false;
    if (pos < len) {
      String rest = text.substring(pos).strip();
      if (!rest.isEmpty() && !SquidMimeHeaders.apply(b, rest)) {
        b.set("squid.extra.trailing", rest);
        trailing = true;
      }
    }
    return null;
  }

  private int valueEnd(String text, int pos, Step s) {
    int len = text.length();
    if (s.code.quoting() == Quoting.QUOTED && pos < len && text.charAt(pos) == '"') {
      return quotedEnd(text, pos);
    }
    if (s.stopAtSpace) {
      int end = pos;
      for (int k = 0; k <= s.innerSpaces; k++) {
        if (k > 0) {
          while (end < len && isSpace(text.charAt(end))) {
            end++;
          }
        }
        while (end < len && !isSpace(text.charAt(end))) {
          end++;
        }
      }
      return end;
    }
    if (s.stop.charAt(0) == ':' && (s.kind == Kind.CLIENT || s.kind == Kind.NEXT_HOP)) {
      // %>a:%>p with an unbracketed IPv6 address (::1:60314): the port follows the last colon.
      int runEnd = pos;
      while (runEnd < len && !isSpace(text.charAt(runEnd))) {
        runEnd++;
      }
      int colon = text.lastIndexOf(s.stop, runEnd - s.stop.length());
      return colon >= pos ? colon : -1;
    }
    return text.indexOf(s.stop, pos);
  }

  private static int quotedEnd(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /** A literal: spaces match runs of spaces and tabs; leading spaces are optional at the start. */
  private static int matchLiteral(String text, int pos, String literal, boolean first) {
    int p = pos;
    int len = text.length();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (isSpace(c)) {
        if (p >= len || !isSpace(text.charAt(p))) {
          if (first && p == 0) {
            continue;
          }
          return -1;
        }
        while (p < len && isSpace(text.charAt(p))) {
          p++;
        }
        while (i + 1 < literal.length() && isSpace(literal.charAt(i + 1))) {
          i++;
        }
      } else {
        if (p >= len || text.charAt(p) != c) {
          return -1;
        }
        p++;
      }
    }
    return p;
  }

  private static String value(String raw, Quoting quoting) {
    String v = raw.strip();
    if (quoting == Quoting.QUOTED && v.length() >= 2 && v.charAt(0) == '"') {
      return unquote(v.substring(1, v.length() - 1));
    }
    return v;
  }

  private static String unquote(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String check(Step s, String v) {
    boolean ok =
        switch (s.kind) {
          case SECONDS -> v.length() >= 9 && v.length() <= 11 && digits(v);
          case MILLIS -> !v.isEmpty() && v.length() <= 6 && digits(v);
          case RESPONSE_TIME, BYTES, STATUS, CLIENT_PORT, SERVER_PORT ->
              v.equals("-") || (digits(v) && v.length() <= 18);
          case RESULT -> upperCode(v) && v.length() >= 3;
          case HIERARCHY -> upperCode(v) || v.equals("-");
          case CLIENT -> address(v);
          case NEXT_HOP -> v.equals("-") || address(v);
          case METHOD -> method(v);
          case URL -> !v.isEmpty();
          case VERSION -> v.equals("-") || version(v);
          case LOCAL_TIME, GMT_TIME -> s.time.parse(v) != Long.MIN_VALUE;
          default -> true;
        };
    if (ok) {
      return null;
    }
    String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
    return "bad %" + s.code.code() + " value '" + shown + "'";
  }

  private void apply(Event.Builder b) {
    SquidFields.base(b, formatName);
    String seconds = get(Kind.SECONDS);
    if (seconds != null) {
      String millis = get(Kind.MILLIS);
      b.timestamp(Long.parseLong(seconds) * 1000 + (millis == null ? 0 : fraction(millis)));
    } else {
      for (int i = 0; i < steps.length; i++) {
        if (steps[i].time != null && tokenValues[i] != null) {
          b.timestamp(steps[i].time.parse(tokenValues[i]));
          break;
        }
      }
    }
    String rt = get(Kind.RESPONSE_TIME);
    if (rt != null && !rt.equals("-")) {
      b.set(Fields.EVENT_DURATION, Long.parseLong(rt) * 1_000_000L);
    }
    String client = get(Kind.CLIENT);
    if (client != null) {
      SquidFields.client(b, client);
    }
    setLong(b, Fields.SOURCE_PORT, get(Kind.CLIENT_PORT));
    String method = get(Kind.METHOD);
    if (method != null) {
      SquidFields.method(b, method);
    }
    String url = get(Kind.URL);
    if (url != null) {
      SquidFields.url(b, url, method);
    }
    String path = get(Kind.PATH);
    if (path != null && !path.equals("-") && !b.has(Fields.URL_PATH.name())) {
      b.set(Fields.URL_PATH, path);
    }
    if (!b.has(Fields.DESTINATION_PORT.name())) {
      setLong(b, Fields.DESTINATION_PORT, get(Kind.SERVER_PORT));
    }
    String result = get(Kind.RESULT);
    String status = get(Kind.STATUS);
    long code = status == null || status.equals("-") ? 0 : Long.parseLong(status);
    if (result != null) {
      SquidFields.result(b, result, code);
    } else if (status != null) {
      SquidFields.status(b, code);
    }
    setLong(b, Fields.HTTP_RESPONSE_BYTES, get(Kind.BYTES));
    user(b);
    String hierarchy = get(Kind.HIERARCHY);
    String nextHop = get(Kind.NEXT_HOP);
    if (hierarchy != null && !hierarchy.equals("-")) {
      SquidFields.hierarchy(b, hierarchy, nextHop);
    } else if (nextHop != null) {
      SquidFields.nextHop(b, nextHop);
    }
    String mime = get(Kind.MIME);
    if (mime != null) {
      SquidFields.mimeType(b, mime);
    }
    setKeyword(b, Fields.SQUID_ERROR_CODE, get(Kind.ERROR_CODE));
    setKeyword(b, Fields.SQUID_ERROR_DETAIL, get(Kind.ERROR_DETAIL));
    String version = get(Kind.VERSION);
    if (version != null && !version.equals("-") && !version.isEmpty()) {
      b.set(Fields.HTTP_VERSION, version);
    }
    String sni = get(Kind.SNI);
    if (sni != null && !sni.equals("-") && !sni.isEmpty()) {
      b.set(Fields.TLS_CLIENT_SERVER_NAME, sni);
      b.add(Fields.RELATED_HOSTS, sni);
    }
    for (int i = 0; i < steps.length; i++) {
      Step s = steps[i];
      String v = tokenValues[i];
      tokenValues[i] = null;
      if (s.kind == null || v == null) {
        continue;
      }
      switch (s.kind) {
        case REQUEST_HEADER, REPLY_HEADER -> header(b, s, v);
        case EXTRA -> {
          if (!v.equals("-") && !v.isEmpty()) {
            b.set(s.extraField, v);
          }
        }
        default -> {}
      }
    }
  }

  private void header(Event.Builder b, Step s, String v) {
    boolean request = s.kind == Kind.REQUEST_HEADER;
    if (s.code.argument() == null) {
      SquidMimeHeaders.apply(b, "[" + v + "]");
      return;
    }
    String name = s.code.argument();
    int element = name.indexOf(':');
    if (element > 0) {
      name = name.substring(0, element);
    }
    SquidMimeHeaders.header(b, name, SquidMimeHeaders.decode(v), request);
  }

  private void user(Event.Builder b) {
    for (Kind k : USER_KINDS) {
      String u = get(k);
      if (u != null && !u.equals("-") && !u.isEmpty() && !b.has(Fields.USER_NAME.name())) {
        SquidFields.user(b, u);
      }
    }
  }

  private String get(Kind k) {
    return values[k.ordinal()];
  }

  private static void setLong(Event.Builder b, FieldDefinition f, String v) {
    if (v != null && !v.equals("-")) {
      b.set(f, Long.parseLong(v));
    }
  }

  private static void setKeyword(Event.Builder b, FieldDefinition f, String v) {
    if (v != null && !v.equals("-")) {
      b.set(f, v);
    }
  }

  private static long fraction(String digits) {
    long v = Long.parseLong(digits);
    for (int i = digits.length(); i < 3; i++) {
      v *= 10;
    }
    for (int i = digits.length(); i > 3; i--) {
      v /= 10;
    }
    return v;
  }

  static Kind kind(Code c) {
    return switch (c.code()) {
      case "ts" -> Kind.SECONDS;
      case "tu" -> Kind.MILLIS;
      case "tl" -> Kind.LOCAL_TIME;
      case "tg" -> Kind.GMT_TIME;
      case "tr" -> Kind.RESPONSE_TIME;
      case ">a" -> Kind.CLIENT;
      case ">p" -> Kind.CLIENT_PORT;
      case "<a" -> Kind.NEXT_HOP;
      case "<p" -> Kind.SERVER_PORT;
      case "Ss" -> Kind.RESULT;
      case "Sh" -> Kind.HIERARCHY;
      case ">Hs" -> Kind.STATUS;
      case "<st" -> Kind.BYTES;
      case "rm" -> Kind.METHOD;
      case "ru" -> Kind.URL;
      case "rp" -> Kind.PATH;
      case "rv" -> Kind.VERSION;
      case "un" -> Kind.USER;
      case "ul" -> Kind.USER_LOGIN;
      case "ui" -> Kind.USER_IDENT;
      case "mt" -> Kind.MIME;
      case "err_code" -> Kind.ERROR_CODE;
      case "err_detail" -> Kind.ERROR_DETAIL;
      case "ssl::>sni" -> Kind.SNI;
      case ">h" -> Kind.REQUEST_HEADER;
      case "<h" -> Kind.REPLY_HEADER;
      default -> Kind.EXTRA;
    };
  }

  private static String firstWord(String literal) {
    int end = 0;
    while (end < literal.length() && !isSpace(literal.charAt(end))) {
      end++;
    }
    return literal.substring(0, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean upperCode(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** An IP literal or a host name; dotted digits that are no IPv4 address are neither. */
  private static boolean address(String v) {
    return isIpv4(v) || hostName(v) || (v.indexOf(':') >= 0 && IpAddresses.isLiteral(v));
  }

  /** A dotted quad, checked without allocating (the common case, read once per line). */
  private static boolean isIpv4(String s) {
    int parts = 0;
    int value = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return false;
        }
      } else if (c == '.' && value >= 0 && parts < 3) {
        parts++;
        value = -1;
      } else {
        return false;
      }
    }
    return parts == 3 && value >= 0;
  }

  /** A host name: letters, digits, dots and hyphens, with at least one letter. */
  private static boolean hostName(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '_')) {
        return false;
      }
    }
    return letter;
  }

  private static boolean method(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetter(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean version(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
