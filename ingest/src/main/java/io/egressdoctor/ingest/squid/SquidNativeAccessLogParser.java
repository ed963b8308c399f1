package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;

/**
 * Parses Squid's default {@code squid} logformat:
 *
 * <pre>%ts.%03tu %6tr %&gt;a %Ss/%03&gt;Hs %&lt;st %rm %ru %[un %Sh/%&lt;a %mt</pre>
 *
 * <p>Fields are split on runs of spaces (the elapsed time is right-aligned). It reads every Squid
 * version's quirks: {@code TAG_NONE}, {@code NONE}, {@code NONE_NONE}, {@code -} as the method,
 * {@code error:} pseudo-URLs, the {@code _ABORTED} and {@code _TIMEDOUT} suffixes, Squid 2's
 * hierarchy codes without {@code HIER_}, IPv6 clients, {@code log_mime_hdrs} header brackets, and
 * other tokens after the content type (kept as {@code squid.extra.trailing}).
 */
public final class SquidNativeAccessLogParser extends LineLogParser {

  static final String DATASET = "squid.access";
  static final String FORMAT = "squid";
  static final String TRAILING = "squid.extra.trailing";
  private static final int FIELDS = 10;

  /** A parser for one input. */
  public SquidNativeAccessLogParser(ParseContext context) {
    super(context);
  }

  @Override
  protected void parseLine(Line line, EventSink sink) {
    String text = line.text();
    if (text.isBlank() || isComment(text)) {
      return;
    }
    if (line.truncated()) {
      sink.reject(
          line.number(), line.byteOffset(), text, "line too long (" + line.length() + " bytes)");
      return;
    }
    Event.Builder b = Event.builder(DATASET);
    String problem = parse(text, b);
    if (problem != null) {
      sink.reject(line.number(), line.byteOffset(), text, problem);
      return;
    }
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }

  /**
   * A {@code #} line: Squid never writes one (its lines start with the time), but annotated copies
   * (test corpora, files passed around with notes) carry them.
   */
  static boolean isComment(String text) {
    return text.stripLeading().startsWith("#");
  }

  /** Fills the builder from one line; returns why the line is not native Squid, or null. */
  static String parse(String text, Event.Builder b) {
    String[] f = new String[FIELDS];
    int n = 0;
    int i = 0;
    int len = text.length();
    int restStart = len;
    while (i < len && n < FIELDS) {
      while (i < len && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= len) {
        break;
      }
      int start = i;
      while (i < len && text.charAt(i) != ' ') {
        i++;
      }
      f[n++] = text.substring(start, i);
      restStart = i;
    }
    if (n < FIELDS) {
      return "expected " + FIELDS + " space-separated fields, found " + n;
    }
    long[] time = timestamp(f[0]);
    if (time == null) {
      return "bad timestamp '" + cut(f[0]) + "'";
    }
    long elapsed = number(f[1]);
    if (elapsed < 0) {
      return "bad response time '" + cut(f[1]) + "'";
    }
    int slash = f[3].lastIndexOf('/');
    long status = slash > 0 ? number(f[3].substring(slash + 1)) : -1;
    if (status < 0 || !isResultCode(f[3], slash)) {
      return "bad result code/status '" + cut(f[3]) + "'";
    }
    long bytes = number(f[4]);
    if (bytes < 0) {
      return "bad byte count '" + cut(f[4]) + "'";
    }
    if (isDottedNumbers(f[2]) && !IpAddresses.isLiteral(f[2])) {
      // With log_fqdn the client may be a host name, but all-digit dotted text is a broken IP.
      return "bad client address '" + cut(f[2]) + "'";
    }
    int hierSlash = f[8].indexOf('/');
    if (hierSlash <= 0) {
      return "bad hierarchy code/peer '" + cut(f[8]) + "'";
    }
    b.timestamp(time[0] * 1000 + time[1]);
    SquidFields.base(b, FORMAT);
    b.set(Fields.EVENT_DURATION, elapsed * 1_000_000L);
    SquidFields.client(b, f[2]);
    SquidFields.method(b, f[5]);
    SquidFields.url(b, f[6], f[5]);
    SquidFields.result(b, f[3].substring(0, slash), status);
    b.set(Fields.HTTP_RESPONSE_BYTES, bytes);
    SquidFields.user(b, f[7]);
    SquidFields.hierarchy(b, f[8].substring(0, hierSlash), f[8].substring(hierSlash + 1));
    SquidFields.mimeType(b, f[9]);
    String rest = text.substring(restStart).strip();
    if (!rest.isEmpty() && !SquidMimeHeaders.apply(b, rest) && !WsaAccessLogExtras.apply(b, rest)) {
      b.set(TRAILING, rest);
    }
    return null;
  }

  /** Seconds and milliseconds of {@code 1525344856.899}, or null. */
  private static long[] timestamp(String s) {
    int dot = s.indexOf('.');
    String secs = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "0" : s.substring(dot + 1);
    if (secs.length() < 9 || secs.length() > 11 || frac.isEmpty() || frac.length() > 6) {
      return null;
    }
    long sec = number(secs);
    long f = number(frac);
    if (sec < 0 || f < 0) {
      return null;
    }
    long millis = f;
    for (int i = frac.length(); i < 3; i++) {
      millis *= 10;
    }
    for (int i = frac.length(); i > 3; i--) {
      millis /= 10;
    }
    return new long[] {sec, millis};
  }

  /** Whether the text is only digits and dots; a loop, as a regex match per line costs more. */
  private static boolean isDottedNumbers(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isResultCode(String s, int slash) {
    if (slash < 3) {
      return false;
    }
    for (int i = 0; i < slash; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** A non-negative decimal, or -1. */
  private static long number(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
