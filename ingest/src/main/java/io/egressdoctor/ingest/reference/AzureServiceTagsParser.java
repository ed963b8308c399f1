package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.reference.IpRange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams an Azure Service Tags file ({@code ServiceTags_Public_*.json}): each prefix of each tag
 * becomes an {@link IpRange} whose service is the tag's name ({@code AzureSiteRecovery}, {@code
 * Storage.JapanEast}) and whose region is the tag's ({@code japaneast}, empty when global).
 */
final class AzureServiceTagsParser {

  private AzureServiceTagsParser() {}

  private record Prefix(String text, long line) {}

  static void parse(ReferenceSource source, Consumer<IpRange> out) {
    try (InputStream in = source.open();
        JsonParser p = JsonRecords.MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw source.fail(1, "expected a JSON object with 'values'");
      }
      boolean sawValues = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("values") && value == JsonToken.START_ARRAY) {
          sawValues = true;
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            readTag(p, source, out);
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawValues) {
        throw source.fail(1, "no 'values' array: not an Azure Service Tags file");
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw source.fail(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ReferenceFileException(source.path(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void readTag(JsonParser p, ReferenceSource source, Consumer<IpRange> out)
      throws IOException {
    long line = p.currentTokenLocation().getLineNr();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw source.fail(line, "expected a service tag object");
    }
    String name = "";
    String region = "";
    List<Prefix> prefixes = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("name")) {
        name = p.getValueAsString("");
      } else if (field.equals("properties") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String property = p.currentName();
          JsonToken v = p.nextToken();
          if (property.equals("region")) {
            region = p.getValueAsString("");
          } else if (property.equals("addressPrefixes") && v == JsonToken.START_ARRAY) {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
              prefixes.add(new Prefix(p.getValueAsString(), p.currentTokenLocation().getLineNr()));
            }
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (name.isEmpty()) {
      throw source.fail(line, "service tag without a name");
    }
    for (Prefix prefix : prefixes) {
      Cidr cidr =
          Cidr.parse(prefix.text())
              .orElseThrow(() -> source.fail(prefix.line(), "not a CIDR: '" + prefix.text() + "'"));
      out.accept(new IpRange(cidr, "azure", region, name, source.name()));
    }
  }
}
