package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import java.util.Locale;

/**
 * The bracketed request and reply headers Squid appends with {@code log_mime_hdrs on}: {@code
 * [request headers] [reply headers]}, each a header block with CR, LF and other unsafe bytes
 * written as {@code %XX}.
 */
final class SquidMimeHeaders {

  private SquidMimeHeaders() {}

  /**
   * Reads one or two bracketed blocks that make up all of {@code rest}; returns false (and sets
   * nothing) when {@code rest} is something else.
   */
  static boolean apply(Event.Builder b, String rest) {
    String s = rest.strip();
    if (!s.startsWith("[")) {
      return false;
    }
    int close = s.indexOf(']');
    if (close < 0) {
      return false;
    }
    String request = s.substring(1, close);
    String after = s.substring(close + 1).strip();
    String reply = null;
    if (!after.isEmpty()) {
      if (!after.startsWith("[")
          || !after.endsWith("]")
          || after.indexOf(']') != after.length() - 1) {
        return false;
      }
      reply = after.substring(1, after.length() - 1);
    }
    headers(b, request, true);
    if (reply != null) {
      headers(b, reply, false);
    }
    return true;
  }

  /** Sets the fields of one header, from a request ({@code %>h}) or reply ({@code %<h}). */
  static void header(Event.Builder b, String name, String value, boolean request) {
    if (value.isEmpty() || value.equals("-")) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (request && lower.equals("referer")) {
      b.set(Fields.HTTP_REQUEST_REFERRER, value);
    } else if (request && lower.equals("user-agent")) {
      b.set(Fields.USER_AGENT_ORIGINAL, value);
    } else if (!request
        && lower.equals("content-type")
        && !b.has(Fields.HTTP_RESPONSE_MIME_TYPE.name())) {
      b.set(Fields.HTTP_RESPONSE_MIME_TYPE, value);
    } else {
      b.set(headerField(name, request), value);
    }
  }

  /** {@code squid.extra.request_header.x_forwarded_for} and the like. */
  static String headerField(String name, boolean request) {
    return (request ? "squid.extra.request_header." : "squid.extra.reply_header.")
        + SquidExtras.sanitize(name.toLowerCase(Locale.ROOT));
  }

  private static void headers(Event.Builder b, String block, boolean request) {
    String decoded = decode(block);
    for (String line : decoded.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      header(b, line.substring(0, colon).strip(), line.substring(colon + 1).strip(), request);
    }
  }

  /** Undoes Squid's {@code %XX} escaping; a bad escape is kept as written. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.append((char) (hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
