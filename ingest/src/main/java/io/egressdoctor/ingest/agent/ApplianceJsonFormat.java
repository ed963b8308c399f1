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
import java.util.List;
import java.util.Locale;

/**
 * The Azure Migrate / Site Recovery appliance's {@code appliance.json} ({@code
 * C:\ProgramData\Microsoft Azure\Config\appliance.json}). Every proxy key becomes a configuration
 * event at its line: {@code EnableProxyBypassList} (the switch the ExpressRoute and private
 * endpoint guides flip), bypass lists and proxy addresses. Other scalar keys (Cloud,
 * PrivateEndpointEnabled...) go into one appliance event under {@code asr.extra.*}.
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
    Event.Builder appliance = ConfigEvents.builder(DATASET, "appliance.json");
    appliance.set(Fields.EVENT_ACTION, "appliance-settings");
    long lastLine = 1;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        sink.reject(1, 0, firstLine(text), "appliance.json is not a JSON object");
        return;
      }
      lastLine = fields(p, "", sink, context, appliance);
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
    appliance.origin(context.origin(1, 0));
    sink.accept(appliance.build(), Math.max(lastLine, 1));
  }

  private static long fields(
      JsonParser p, String prefix, EventSink sink, ParseContext context, Event.Builder appliance)
      throws IOException {
    long last = 1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + p.currentName();
      int line = p.currentTokenLocation().getLineNr();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        last = fields(p, key + ".", sink, context, appliance);
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
        sink.accept(proxyEvent(key, value, line, context), line);
      } else if (!value.isEmpty()) {
        appliance.set("asr.extra." + ConfigEvents.snake(key), Secrets.mask(value));
      }
    }
    return last;
  }

  private static Event proxyEvent(String key, String value, long line, ParseContext context) {
    Event.Builder b = ConfigEvents.builder(DATASET, "appliance.json");
    b.set(Fields.CONFIG_PROXY_VARIABLE, key);
    String k = key.toLowerCase(Locale.ROOT);
    if (k.contains("bypass") && k.contains("enable")) {
      EcsValues.put(b, Fields.CONFIG_PROXY_BYPASS_ENABLED, value);
    } else if (k.contains("bypass")) {
      ConfigEvents.bypass(b, value);
    } else if (k.contains("address") || k.contains("url") || k.contains("server")) {
      EcsValues.put(b, Fields.CONFIG_PROXY_URL, value);
    }
    String shown = Secrets.mask(value);
    b.set(Fields.MESSAGE, key + " = " + shown);
    b.original("\"" + key + "\": \"" + shown + "\"");
    b.origin(context.origin(line, -1));
    return b.build();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
