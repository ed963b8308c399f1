package io.egressdoctor.ingest.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.EcsValues;
import io.egressdoctor.ingest.declarative.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Azure Migrate / Site Recovery appliance's {@code appliance.json} ({@code
 * C:\ProgramData\Microsoft Azure\Config\appliance.json}). The whole file is one configuration
 * event, so that the switch and what it switches are seen together: {@code EnableProxyBypassList}
 * (the switch the ExpressRoute and private endpoint guides flip) as {@code
 * config.proxy.bypass_enabled}, any bypass list and proxy address (keys holding "proxy") as {@code
 * config.proxy.bypass} and {@code config.proxy.url}, and every other scalar key (Cloud,
 * PrivateEndpointEnabled...) under {@code asr.extra.*}. The event points at the switch's line.
 */
public final class ApplianceJsonFormat implements LogFormat {

  static final String DATASET = "asr.appliance_config";
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String name() {
    return "asr-appliance-json";
  }

  @Override
  public String dataset() {
    return DATASET;
  }

  @Override
  public String description() {
    return "Azure Migrate / Site Recovery appliance.json, read as proxy configuration events";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "{",
        "  \"Cloud\": \"Public\",",
        "  \"PrivateEndpointEnabled\": true,",
        "  \"EnableProxyBypassList\": \"true\",",
        "  \"ProxyBypassList\": \"vault.azure.net;jpe.privatelink.siterecovery.windowsazure.com\"",
        "}");
  }

  @Override
  public int sniff(InputSample sample) {
    String first = sample.firstNonBlank().replace("\uFEFF", "").strip();
    if (!first.startsWith("{")) {
      return 0;
    }
    if (sample.fileName().equalsIgnoreCase("appliance.json")) {
      return 95;
    }
    boolean keys =
        sample.lines().stream()
            .anyMatch(l -> l.contains("\"EnableProxyBypassList\"") || l.contains("\"FabricType\""));
    return keys ? 70 : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return (in, sink) -> parse(in, sink, context);
  }

  private static void parse(InputStream in, EventSink sink, ParseContext context)
      throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    Settings settings = new Settings();
    long lastLine = 1;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        sink.reject(1, 0, firstLine(text), "appliance.json is not a JSON object");
        return;
      }
      lastLine = fields(p, "", settings);
    } catch (IOException e) {
      long line =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? Math.max(j.getLocation().getLineNr(), lastLine)
              : lastLine;
      sink.reject(
          line, -1, firstLine(text), "bad JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return;
    }
    sink.accept(settings.event(context), Math.max(lastLine, 1));
  }

  /**
   * The whole file, gathered into one event: the bypass switch, the proxy and the bypass list must
   * be in the same event for a rule to see that a list is set but switched off.
   */
  private static final class Settings {
    private final Event.Builder b = ConfigEvents.builder(DATASET, "appliance.json");
    private final List<String> proxyLines = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private String address;
    private String port;
    private String firstProxyKey;
    private long eventLine = -1;
    private boolean switchSeen;

    Settings() {
      b.set(Fields.CONFIG_SCOPE, "appliance");
      b.set(Fields.EVENT_ACTION, "appliance-settings");
    }

    void proxy(String key, String value, long line) {
      String k = key.toLowerCase(Locale.ROOT);
      String shown = Secrets.mask(value);
      boolean isSwitch = k.contains("bypass") && k.contains("enable");
      if (isSwitch) {
        EcsValues.put(b, Fields.CONFIG_PROXY_BYPASS_ENABLED, value);
        switchSeen = true;
        // The evidence points at the line to change.
        eventLine = line;
      } else if (k.contains("bypass")) {
        ConfigEvents.bypass(b, value);
      } else if (k.contains("port")) {
        port = value;
      } else if (k.contains("address") || k.contains("url") || k.contains("server")) {
        address = value;
      }
      if (firstProxyKey == null) {
        firstProxyKey = key;
      }
      if (eventLine < 0) {
        eventLine = line;
      }
      messages.add(key + " = " + shown);
      proxyLines.add("\"" + key + "\": \"" + shown + "\"");
    }

    void other(String key, String value, long line) {
      if (value.isEmpty()) {
        return;
      }
      b.set("asr.extra." + ConfigEvents.snake(key), Secrets.mask(value));
      if (key.equalsIgnoreCase("PrivateEndpointEnabled")) {
        // Whether the appliance was deployed for private endpoints says what its bypass is for.
        messages.add(key + " = " + value);
        proxyLines.add("\"" + key + "\": " + value);
      }
    }

    Event event(ParseContext context) {
      if (address != null && !address.isEmpty()) {
        boolean hasPort = address.replaceFirst("^[a-zA-Z]+://", "").matches("[^/]*:\\d+(/.*)?");
        String url =
            port == null || port.isEmpty() || hasPort
                ? address
                : address.replaceFirst("/+$", "") + ":" + port;
        EcsValues.put(b, Fields.CONFIG_PROXY_URL, url);
      }
      if (firstProxyKey != null) {
        b.set(Fields.EVENT_ACTION, "proxy-setting");
        b.set(Fields.CONFIG_PROXY_VARIABLE, switchSeen ? "EnableProxyBypassList" : firstProxyKey);
      }
      if (!messages.isEmpty()) {
        b.set(Fields.MESSAGE, String.join("; ", messages));
        b.original(String.join("\n", proxyLines));
      }
      b.origin(context.origin(Math.max(eventLine, 1), eventLine < 0 ? 0 : -1));
      return b.build();
    }
  }

  private static long fields(JsonParser p, String prefix, Settings settings) throws IOException {
    long last = 1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + p.currentName();
      int line = p.currentTokenLocation().getLineNr();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        last = fields(p, key + ".", settings);
        continue;
      }
      String value;
      if (t == JsonToken.START_ARRAY) {
        StringBuilder sb = new StringBuilder();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken().isStructStart()) {
            p.skipChildren();
          } else {
            sb.append(sb.isEmpty() ? "" : ";").append(p.getText());
          }
        }
        value = sb.toString();
      } else {
        value = t == JsonToken.VALUE_NULL ? "" : p.getText();
      }
      last = p.currentTokenLocation().getLineNr();
      if (key.toLowerCase(Locale.ROOT).contains("proxy")) {
        settings.proxy(key, value, line);
      } else {
        settings.other(key, value, line);
      }
    }
    return last;
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
