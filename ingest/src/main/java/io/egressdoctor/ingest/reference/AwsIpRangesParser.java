package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.reference.IpRange;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams AWS {@code ip-ranges.json}: every entry of {@code prefixes} and {@code ipv6_prefixes}
 * becomes an {@link IpRange} with the entry's region ({@code GLOBAL} read as none) and service.
 * Fields AWS may add later are skipped.
 */
final class AwsIpRangesParser {

  private AwsIpRangesParser() {}

  static void parse(ReferenceSource source, Consumer<IpRange> out) {
    try (InputStream in = source.open();
        JsonParser p = JsonRecords.MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw source.fail(1, "expected a JSON object with 'prefixes'");
      }
      boolean sawPrefixes = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ((field.equals("prefixes") || field.equals("ipv6_prefixes"))
            && value == JsonToken.START_ARRAY) {
          sawPrefixes = true;
          readPrefixes(p, source, out);
        } else {
          p.skipChildren();
        }
      }
      if (!sawPrefixes) {
        throw source.fail(1, "no 'prefixes' array: not an AWS ip-ranges.json");
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw source.fail(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ReferenceFileException(source.path(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void readPrefixes(JsonParser p, ReferenceSource source, Consumer<IpRange> out)
      throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      long line = p.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw source.fail(line, "expected a prefix object");
      }
      String prefix = null;
      String region = "";
      String service = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "ip_prefix", "ipv6_prefix" -> prefix = p.getValueAsString();
          case "region" -> region = p.getValueAsString("");
          case "service" -> service = p.getValueAsString("");
          default -> p.skipChildren();
        }
      }
      if (prefix == null) {
        throw source.fail(line, "prefix entry without ip_prefix or ipv6_prefix");
      }
      String text = prefix;
      Cidr cidr =
          Cidr.parse(text).orElseThrow(() -> source.fail(line, "not a CIDR: '" + text + "'"));
      String r = region.equalsIgnoreCase("GLOBAL") ? "" : region;
      out.accept(new IpRange(cidr, "aws", r, service, source.name()));
    }
  }
}
