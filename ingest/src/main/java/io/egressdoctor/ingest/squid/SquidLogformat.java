package io.egressdoctor.ingest.squid;

import io.egressdoctor.ingest.squid.LogformatToken.Code;
import io.egressdoctor.ingest.squid.LogformatToken.Literal;
import io.egressdoctor.ingest.squid.LogformatToken.Quoting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A Squid {@code logformat} definition, split into literals and format codes.
 *
 * <p>The syntax is Squid's: {@code % ["|[|'|#|/] [-] [[0]width[.precision]] [{arg}] code [{arg}]},
 * and {@code %%} for a percent sign. Codes are matched longest first against the codes Squid
 * documents; any other code is read up to the next character that cannot be part of a code, and is
 * kept as an unknown code rather than failing.
 *
 * @param name the logformat's name, e.g. {@code combined}
 * @param definition the definition as written after the name
 * @param tokens the literals and codes, in order
 */
public record SquidLogformat(String name, String definition, List<LogformatToken> tokens) {

  /** The predefined formats of Squid 4 to 6 (Squid 7's common and combined log '-' as ident). */
  public static final String COMMON = "%>a %[ui %[un [%tl] \"%rm %ru HTTP/%rv\" %>Hs %<st %Ss:%Sh";

  /** Squid's predefined {@code combined} format. */
  public static final String COMBINED =
      "%>a %[ui %[un [%tl] \"%rm %ru HTTP/%rv\" %>Hs %<st \"%{Referer}>h\" \"%{User-Agent}>h\""
          + " %Ss:%Sh";

  /** Squid's predefined {@code referrer} format. */
  public static final String REFERRER = "%ts.%03tu %>a %{Referer}>h %ru";

  /** Squid's predefined {@code useragent} format. */
  public static final String USERAGENT = "%>a [%tl] \"%{User-Agent}>h\"";

  /** Squid's predefined native {@code squid} format. */
  public static final String NATIVE = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt";

  /** The codes Squid's cf.data.pre documents (Squid 3.5 to 7), longest first when matching. */
  static final Set<String> KNOWN_CODES =
      Set.of(
          ">a",
          ">A",
          ">p",
          "<a",
          "<A",
          "<p",
          "la",
          "lp",
          ">la",
          ">lp",
          "<la",
          "<lp",
          ">qos",
          "<qos",
          ">nfmark",
          "<nfmark",
          ">eui",
          ">handshake",
          "transport::>connection_id",
          "ts",
          "tu",
          "tl",
          "tg",
          "tr",
          "tS",
          "dt",
          "tt",
          "<tt",
          "<pt",
          "busy_time",
          "et",
          "ea",
          "un",
          "ul",
          "ui",
          "ue",
          "us",
          "uj",
          "Ss",
          "Sh",
          ">Hs",
          "<Hs",
          "<st",
          ">st",
          "st",
          "<sh",
          ">sh",
          "<bs",
          "mt",
          "rm",
          ">rm",
          "<rm",
          "ru",
          ">ru",
          "<ru",
          ">rs",
          "<rs",
          "rs",
          "rd",
          ">rd",
          "<rd",
          "rp",
          ">rp",
          "<rp",
          "rv",
          ">rv",
          "<rv",
          ">h",
          ">ha",
          "<h",
          "err_code",
          "err_detail",
          "note",
          "sn",
          "master_xaction",
          "ssl::>sni",
          "ssl::bump_mode",
          "ssl::>cert_subject",
          "ssl::>cert_issuer",
          "ssl::<cert_subject",
          "ssl::<cert_issuer",
          "ssl::<cert_errors",
          "ssl::>negotiated_version",
          "ssl::<negotiated_version",
          "ssl::>negotiated_cipher",
          "ssl::<negotiated_cipher",
          "ssl::>received_hello_version",
          "ssl::<received_hello_version",
          "ssl::>received_supported_version",
          "ssl::<received_supported_version",
          "icap::tt",
          "icap::<last_h",
          "adapt::all_trs",
          "adapt::sum_trs",
          "adapt::<last_h",
          "cert_subject",
          "proxy_protocol::>h");

  private static final List<String> BY_LENGTH =
      KNOWN_CODES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  public SquidLogformat {
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses a definition.
   *
   * @throws IllegalArgumentException when the definition is empty or a {@code %} has no code
   */
  public static SquidLogformat parse(String name, String definition) {
    List<LogformatToken> tokens = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int len = definition.length();
    while (i < len) {
      char c = definition.charAt(i);
      if (c != '%') {
        literal.append(c);
        i++;
        continue;
      }
      if (i + 1 < len && definition.charAt(i + 1) == '%') {
        literal.append('%');
        i += 2;
        continue;
      }
      if (!literal.isEmpty()) {
        tokens.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      i = code(definition, i + 1, tokens);
    }
    if (!literal.isEmpty()) {
      tokens.add(new Literal(literal.toString()));
    }
    if (tokens.stream().noneMatch(t -> t instanceof Code)) {
      throw new IllegalArgumentException("logformat " + name + " has no % format code");
    }
    return new SquidLogformat(name, definition, tokens);
  }

  /** The codes, in order. */
  public List<Code> codes() {
    return tokens.stream().filter(t -> t instanceof Code).map(t -> (Code) t).toList();
  }

  private static int code(String d, int start, List<LogformatToken> out) {
    int i = start;
    Quoting quoting = Quoting.DEFAULT;
    if (i < d.length()) {
      quoting =
          switch (d.charAt(i)) {
            case '"' -> Quoting.QUOTED;
            case '[' -> Quoting.MIME;
            case '#' -> Quoting.URL;
            case '\'' -> Quoting.RAW;
            case '/' -> Quoting.SHELL;
            default -> Quoting.DEFAULT;
          };
      if (quoting != Quoting.DEFAULT) {
        i++;
      }
    }
    if (i < d.length() && d.charAt(i) == '-') {
      i++;
    }
    int width = 0;
    while (i < d.length() && Character.isDigit(d.charAt(i))) {
      width = Math.min(1000, width * 10 + (d.charAt(i) - '0'));
      i++;
    }
    if (i < d.length() && d.charAt(i) == '.') {
      i++;
      while (i < d.length() && Character.isDigit(d.charAt(i))) {
        i++;
      }
    }
    String argument = null;
    if (i < d.length() && d.charAt(i) == '{') {
      int close = d.indexOf('}', i);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed { in format code at column " + (start));
      }
      argument = d.substring(i + 1, close);
      i = close + 1;
    }
    String run = d.substring(i, codeRunEnd(d, i));
    String known = knownAt(d, i);
    // Squid rejects codes it does not know, so a longer run is a code newer than this list.
    String code = known != null && known.length() >= run.length() ? known : run;
    if (!code.equals(known)) {
      known = null;
    }
    if (code.isEmpty()) {
      throw new IllegalArgumentException("'%' without a format code at column " + start);
    }
    i += code.length();
    if (argument == null && i < d.length() && d.charAt(i) == '{') {
      int close = d.indexOf('}', i);
      if (close > 0) {
        argument = d.substring(i + 1, close);
        i = close + 1;
      }
    }
    out.add(new Code(code, argument, quoting, width, known != null));
    return i;
  }

  private static String knownAt(String d, int i) {
    for (String c : BY_LENGTH) {
      if (d.startsWith(c, i)) {
        return c;
      }
    }
    return null;
  }

  /** Letters, digits and {@code _}, with {@code <} or {@code >} first or after {@code ::}. */
  private static int codeRunEnd(String d, int start) {
    int i = start;
    boolean directionAllowed = true;
    while (i < d.length()) {
      char c = d.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        directionAllowed = false;
        i++;
      } else if ((c == '<' || c == '>') && directionAllowed) {
        directionAllowed = false;
        i++;
      } else if (c == ':' && d.startsWith("::", i) && i > start) {
        directionAllowed = true;
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }
}
