package io.egressdoctor.ingest.agent;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.EcsValues;
import io.egressdoctor.ingest.declarative.Secrets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ASR Mobility service's {@code ProxyInfo.conf} (Linux {@code /usr/local/InMage/config/}, an
 * INI file with a {@code [proxy]} section holding {@code Address} and {@code Port}). The whole file
 * becomes one configuration event with the proxy URL; a bypass key, if any, fills the bypass list.
 */
public final class ProxyInfoConfFormat implements LogFormat {

  static final String DATASET = "asr.mobility_proxy_config";
  private static final Pattern ENTRY = Pattern.compile("^\\s*([\\w.-]+)\\s*=\\s*(.*?)\\s*$");
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");

  @Override
  public String name() {
    return "asr-proxyinfo-conf";
  }

  @Override
  public String dataset() {
    return DATASET;
  }

  @Override
  public String description() {
    return "ASR Mobility service ProxyInfo.conf ([proxy] Address and Port), as a proxy configuration event";
  }

  @Override
  public List<String> sampleLines() {
    return List.of("[proxy]", "Address=http://10.0.0.1", "Port=3128");
  }

  @Override
  public int sniff(InputSample sample) {
    boolean named = sample.fileName().equalsIgnoreCase("ProxyInfo.conf");
    boolean address =
        sample.nonBlank().stream()
            .anyMatch(l -> l.strip().toLowerCase(Locale.ROOT).startsWith("address="));
    if (named) {
      return address ? 95 : 45;
    }
    boolean section = sample.firstNonBlank().strip().equalsIgnoreCase("[proxy]");
    return section && address ? 75 : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new Parser(context);
  }

  /** Collects the entries and emits one event at the end. */
  private static final class Parser extends LineLogParser {
    private String section = "";
    private String address;
    private String port;
    private String bypass;

    /** The last line read: the event completes there, after any rejected line. */
    private long lastLine;

    private long firstLine = -1;
    private long firstOffset;
    private final StringBuilder original = new StringBuilder();

    Parser(ParseContext context) {
      super(context);
    }

    @Override
    protected void parseLine(Line line, EventSink sink) {
      String t = line.text().strip();
      lastLine = line.number();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        return;
      }
      Matcher s = SECTION.matcher(t);
      if (s.matches()) {
        section = s.group(1).strip().toLowerCase(Locale.ROOT);
        return;
      }
      Matcher e = ENTRY.matcher(t);
      if (!e.matches()) {
        sink.reject(line.number(), line.byteOffset(), t, "not a key=value line");
        return;
      }
      String key = e.group(1).toLowerCase(Locale.ROOT);
      String value = e.group(2);
      switch (key) {
        case "address" -> address = value;
        case "port" -> port = value;
        case "bypasslist", "bypass", "noproxy", "no_proxy" -> bypass = value;
        default -> {}
      }
      if (firstLine < 0) {
        firstLine = line.number();
        firstOffset = line.byteOffset();
      }
      original.append(original.isEmpty() ? "" : "\n").append(Secrets.mask(t));
    }

    @Override
    protected void finish(EventSink sink) {
      if (firstLine < 0) {
        return;
      }
      Event.Builder b = ConfigEvents.builder(DATASET, "ProxyInfo.conf");
      b.set(Fields.ASR_COMPONENT, "mobility");
      b.set(Fields.CONFIG_PROXY_VARIABLE, (section.isEmpty() ? "" : section + ".") + "Address");
      if (address != null && !address.isEmpty()) {
        String url =
            port == null || port.isEmpty() || hasPort(address) ? address : address + ":" + port;
        EcsValues.put(b, Fields.CONFIG_PROXY_URL, url);
      }
      if (bypass != null) {
        ConfigEvents.bypass(b, bypass);
      }
      b.original(original.toString()).origin(context.origin(firstLine, firstOffset));
      sink.accept(b.build(), lastLine);
    }

    private static boolean hasPort(String address) {
      String rest = address.replaceFirst("^[a-zA-Z]+://", "");
      return rest.matches("[^/]*:\\d+(/.*)?");
    }
  }
}
