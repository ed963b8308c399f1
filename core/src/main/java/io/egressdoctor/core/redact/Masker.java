package io.egressdoctor.core.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks credentials, identities and (optionally) public IPs in text, the same value always with the
 * same mask, e.g. {@code {account-1}} or {@code {password-1}}. One masker serves a whole report or
 * a whole search, so masks agree across every string it shows.
 *
 * <p>Values are found two ways: by the {@link Recognisers} where they stand in text, and from an
 * event's fields whose meaning a parser knew (a proxy's user column is a user name, {@code
 * cloud.account.id} an account). {@link #mask} replaces both the values recognised in the string
 * itself and every occurrence of a value learned before, so an account id learned from an ARN is
 * also masked in a file path. To mask a value that only a later string reveals, learn everything
 * first ({@link #learn}), then mask.
 *
 * <p>Not thread-safe.
 */
public final class Masker {

  /** Credentials shorter than this are masked where recognised only, not everywhere. */
  private static final int SHORTEST_CREDENTIAL_EVERYWHERE = 6;

  private static final Pattern A_MASK = Pattern.compile("\\{[a-z-]+-\\d+}");
  private static final Set<String> NOT_VALUES =
      Set.of("-", "null", "true", "false", "none", "hidden_due_to_security_reasons");
  private static final Set<FieldDefinition> ACCOUNT_FIELDS =
      Set.of(
          Fields.CLOUD_ACCOUNT_ID,
          Fields.CT_RECIPIENT_ACCOUNT_ID,
          Fields.CT_VPC_ENDPOINT_ACCOUNT_ID,
          Fields.CT_USER_IDENTITY_ACCOUNT_ID);
  private static final Set<FieldDefinition> USER_FIELDS =
      Set.of(Fields.USER_NAME, Fields.CT_SESSION_ISSUER_USER_NAME, Fields.RELATED_USER);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Redaction redaction;
  private final Map<String, String> masks = new LinkedHashMap<>();
  private final Map<MaskKind, Integer> counters = new HashMap<>();
  private Pattern learned;
  private boolean stale;

  /** A masker for a redaction level; every level masks credentials. */
  public Masker(Redaction redaction) {
    this.redaction = redaction;
  }

  /** The level it masks at. */
  public Redaction redaction() {
    return redaction;
  }

  /** The masks given so far, value to mask, in the order found; for tests and summaries. */
  public Map<String, String> masks() {
    return Collections.unmodifiableMap(masks);
  }

  /** Learns the values of an event: its fields by meaning, its text by recognition. */
  public void learn(Event event) {
    for (String name : event.fields().keySet()) {
      for (Object v : event.values(name)) {
        if (v instanceof String s) {
          learnField(name, s);
        }
      }
    }
    learnText(event.original());
  }

  /**
   * Learns a value of a named field: an account or user field makes it an account or user, an IP
   * field a public address to mask with {@code --redact=ips}; any text is recognised as well.
   */
  public void learnField(String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    FieldDefinition field = Fields.find(name).orElse(null);
    if (field != null && ACCOUNT_FIELDS.contains(field) || name.endsWith("account_id")) {
      add(MaskKind.ACCOUNT, value);
    } else if (field != null && USER_FIELDS.contains(field)) {
      add(MaskKind.USER, value);
    } else if (field == Fields.CT_ACCESS_KEY_ID) {
      add(MaskKind.ACCESS_KEY, value);
    } else if (field != null && field.type() == FieldType.IP) {
      addIp(value);
    }
    learnText(value);
  }

  /** Learns every value the recognisers find in a text. */
  public void learnText(String text) {
    if (text != null && !text.isEmpty()) {
      recognise(text, null);
    }
  }

  /** The text with every recognised and learned value replaced by its mask. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<Span> spans = new ArrayList<>();
    // Masks already in the text stay as they are, so masking twice changes nothing.
    Matcher given = A_MASK.matcher(text);
    while (given.find()) {
      spans.add(new Span(given.start(), given.end(), given.group()));
    }
    recognise(text, spans);
    Pattern all = learnedPattern();
    if (all != null) {
      Matcher m = all.matcher(text);
      while (m.find()) {
        spans.add(new Span(m.start(), m.end(), masks.get(m.group())));
      }
    }
    return replace(text, spans);
  }

  /**
   * A JSON document with every string value masked (names kept), written compactly; text that is
   * not JSON is masked as text.
   */
  public String maskJson(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      return JSON.writeValueAsString(maskNode(tree));
    } catch (JsonProcessingException e) {
      return mask(json);
    }
  }

  private JsonNode maskNode(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(maskNode(e.getValue())));
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, maskNode(a.get(i)));
      }
      return a;
    }
    return node.isTextual() ? TextNode.valueOf(mask(node.asText())) : node;
  }

  /** Finds the values in a text, learns them, and adds where they stand to {@code spans}. */
  private void recognise(String text, List<Span> spans) {
    for (Recognisers.Recogniser r : Recognisers.ALL) {
      if (r.captures().stream().noneMatch(c -> c.kind().maskedBy(redaction))) {
        continue;
      }
      Matcher m = r.pattern().matcher(text);
      while (m.find()) {
        for (Recognisers.Capture c : r.captures()) {
          int g = c.group(m);
          if (g < 0 || !c.kind().maskedBy(redaction)) {
            continue;
          }
          String value = m.group(g);
          if (r.name().equals("secret-access-key") && !Recognisers.looksLikeSecretKey(value)) {
            continue;
          }
          String mask = add(c.kind(), value);
          if (mask != null && spans != null) {
            spans.add(new Span(m.start(g), m.end(g), mask));
          }
        }
        if (r.basicGroup() > 0 && "basic".equalsIgnoreCase(m.group(r.basicGroup()))) {
          learnBasic(m.group(r.captures().get(0).groups()[0]));
        }
      }
    }
    if (redaction.ips()) {
      for (Pattern p : List.of(Recognisers.IPV4, Recognisers.IPV6)) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          String mask = addIp(m.group(1));
          if (mask != null && spans != null) {
            spans.add(new Span(m.start(1), m.end(1), mask));
          }
        }
      }
    }
  }

  /** Basic credentials are base64 of {@code user:password}: both are masked where else seen. */
  private void learnBasic(String credential) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        add(MaskKind.USER, decoded.substring(0, colon));
        add(MaskKind.PASSWORD, decoded.substring(colon + 1));
      }
    } catch (IllegalArgumentException notBase64) {
      // Not Basic credentials after all: the credential itself is masked all the same.
    }
  }

  private String addIp(String text) {
    var address = IpAddresses.parse(text);
    if (!redaction.ips() || address.isEmpty() || !isPublic(address.get())) {
      return null;
    }
    String canonical = IpAddresses.format(address.get());
    String mask = masks.get(canonical);
    if (mask == null) {
      mask = add(MaskKind.IP, canonical);
    }
    if (mask != null && !text.equals(canonical) && masks.putIfAbsent(text, mask) == null) {
      stale = true;
    }
    return mask;
  }

  /** The value's mask, given now if it is new; null when the value is not one to mask. */
  private String add(MaskKind kind, String value) {
    if (!kind.maskedBy(redaction) || !isValue(kind, value)) {
      return null;
    }
    String mask = masks.get(value);
    if (mask == null) {
      int n = counters.merge(kind, 1, Integer::sum);
      mask = "{" + kind.label() + "-" + n + "}";
      masks.put(value, mask);
      stale = true;
    }
    return mask;
  }

  private static boolean isValue(MaskKind kind, String value) {
    // A one-letter user or account is no identity; a one-letter password is still a password.
    int shortest = kind.group() == MaskKind.Group.CREDENTIAL ? 1 : 2;
    if (value == null
        || value.length() < shortest
        || NOT_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !A_MASK.matcher(value).matches() && !value.chars().allMatch(c -> c == '*');
  }

  /** Every learned value long enough to mask wherever it appears, longest first. */
  private Pattern learnedPattern() {
    if (!stale) {
      return learned;
    }
    stale = false;
    String alternatives =
        masks.entrySet().stream()
            .filter(e -> e.getKey().length() >= shortestEverywhere(e.getValue()))
            .map(Map.Entry::getKey)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    learned =
        alternatives.isEmpty()
            ? null
            : Pattern.compile("(?<![A-Za-z0-9])(?:" + alternatives + ")(?![A-Za-z0-9])");
    return learned;
  }

  private static int shortestEverywhere(String mask) {
    for (MaskKind k : MaskKind.values()) {
      if (mask.startsWith("{" + k.label() + "-")) {
        return k.group() == MaskKind.Group.CREDENTIAL ? SHORTEST_CREDENTIAL_EVERYWHERE : 2;
      }
    }
    return 2;
  }

  /** A stretch of text to replace by a mask. */
  private record Span(int start, int end, String mask) {}

  private static String replace(String text, List<Span> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span s : spans) {
      if (s.end() <= at) {
        continue;
      }
      if (s.start() < at) {
        // Overlapping values (a learned user inside a recognised password): mask the rest too.
        out.append(s.mask());
        at = s.end();
        continue;
      }
      out.append(text, at, s.start()).append(s.mask());
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** Whether an address is routable on the Internet (not private, loopback, link-local...). */
  public static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean sharedSpace = first == 100 && second >= 64 && second < 128;
      return !sharedSpace && first != 0;
    }
    return (b[0] & 0xfe) != 0xfc;
  }
}
