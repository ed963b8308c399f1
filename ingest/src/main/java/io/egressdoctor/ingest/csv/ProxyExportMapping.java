package io.egressdoctor.ingest.csv;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which columns of a proxy export hold what, read from a YAML file.
 *
 * <p>Loading is strict: an unknown key, a missing required key or a bad value is an error naming
 * the file and line. Column names are matched case-insensitively, with spaces, {@code _} and {@code
 * -} taken as the same; each role lists the names it may have, the first present one wins.
 *
 * @param name the format name for {@code --format}
 * @param description one sentence on what writes such files
 * @param layout {@code header} (the first line names the columns) or {@code w3c} ({@code #Fields:}
 *     directives name them, values are space-separated and may be quoted)
 * @param delimiter for {@code header}: a character, {@code tab}, or {@code auto} (comma, tab,
 *     semicolon or bar, whichever the header has most of)
 * @param dataset the events' dataset, {@code proxy.access} by default
 * @param product the observing product for {@code observer.product}, or null
 * @param missing values that mean no value, {@code -} and empty by default
 * @param time how to read times
 * @param columns the column names of each role
 * @param actions which action or verdict words mean denied or allowed
 */
public record ProxyExportMapping(
    String name,
    String description,
    String layout,
    String delimiter,
    String dataset,
    String product,
    List<String> missing,
    Time time,
    Columns columns,
    Actions actions) {

  /**
   * How times are written.
   *
   * @param formats the patterns tried in order: a java.time pattern, {@code iso}, {@code
   *     epoch_seconds} or {@code epoch_millis}
   * @param zone the zone of times without one: a zone id, or {@code input} for {@code --timezone}
   */
  public record Time(List<String> formats, String zone) {}

  /**
   * The column names of each role; a role may be left out.
   *
   * @param date the date, when date and time are separate columns
   * @param time the time (or the date and time)
   * @param clientIp the client's address
   * @param clientPort the client's port
   * @param user the user name
   * @param method the request method
   * @param url the whole URL
   * @param scheme the URL scheme, when the URL is split in columns
   * @param host the destination host
   * @param port the destination port
   * @param path the URL path
   * @param query the URL query
   * @param action what the proxy did (e.g. TCP_DENIED, BLOCK)
   * @param verdict a policy verdict column (e.g. ProxySG's sc-filter-result)
   * @param status the HTTP status sent to the client
   * @param bytes bytes sent to the client
   * @param durationMs how long the request took, in milliseconds
   * @param userAgent the User-Agent header
   * @param referrer the Referer header
   * @param contentType the reply's content type
   * @param serverIp the address the proxy connected to
   */
  public record Columns(
      List<String> date,
      List<String> time,
      @JsonProperty("client_ip") List<String> clientIp,
      @JsonProperty("client_port") List<String> clientPort,
      List<String> user,
      List<String> method,
      List<String> url,
      List<String> scheme,
      List<String> host,
      List<String> port,
      List<String> path,
      List<String> query,
      List<String> action,
      List<String> verdict,
      List<String> status,
      List<String> bytes,
      @JsonProperty("duration_ms") List<String> durationMs,
      @JsonProperty("user_agent") List<String> userAgent,
      List<String> referrer,
      @JsonProperty("content_type") List<String> contentType,
      @JsonProperty("server_ip") List<String> serverIp) {

    /** Every role with its names, in a fixed order. */
    public Map<Role, List<String>> byRole() {
      Map<Role, List<String>> m = new LinkedHashMap<>();
      put(m, Role.DATE, date);
      put(m, Role.TIME, time);
      put(m, Role.CLIENT_IP, clientIp);
      put(m, Role.CLIENT_PORT, clientPort);
      put(m, Role.USER, user);
      put(m, Role.METHOD, method);
      put(m, Role.URL, url);
      put(m, Role.SCHEME, scheme);
      put(m, Role.HOST, host);
      put(m, Role.PORT, port);
      put(m, Role.PATH, path);
      put(m, Role.QUERY, query);
      put(m, Role.ACTION, action);
      put(m, Role.VERDICT, verdict);
      put(m, Role.STATUS, status);
      put(m, Role.BYTES, bytes);
      put(m, Role.DURATION_MS, durationMs);
      put(m, Role.USER_AGENT, userAgent);
      put(m, Role.REFERRER, referrer);
      put(m, Role.CONTENT_TYPE, contentType);
      put(m, Role.SERVER_IP, serverIp);
      return m;
    }

    private static void put(Map<Role, List<String>> m, Role r, List<String> names) {
      if (names != null && !names.isEmpty()) {
        m.put(r, names);
      }
    }
  }

  /**
   * Words that, found in the action or verdict, say the request was denied or allowed.
   *
   * @param denied words of denial, e.g. DENIED, BLOCK
   * @param allowed words of allowance, e.g. ALLOW, PROXIED
   */
  public record Actions(List<String> denied, List<String> allowed) {}

  /** What a column means. */
  public enum Role {
    DATE,
    TIME,
    CLIENT_IP,
    CLIENT_PORT,
    USER,
    METHOD,
    URL,
    SCHEME,
    HOST,
    PORT,
    PATH,
    QUERY,
    ACTION,
    VERDICT,
    STATUS,
    BYTES,
    DURATION_MS,
    USER_AGENT,
    REFERRER,
    CONTENT_TYPE,
    SERVER_IP
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public ProxyExportMapping {
    missing = missing == null ? List.of("-", "") : List.copyOf(missing);
    dataset = dataset == null ? "proxy.access" : dataset;
    delimiter = delimiter == null ? "auto" : delimiter;
    actions =
        actions == null
            ? new Actions(List.of(), List.of())
            : new Actions(upper(actions.denied()), upper(actions.allowed()));
  }

  /** Reads a mapping file. */
  public static ProxyExportMapping read(Path file) throws IOException {
    try (InputStream in =
        io.egressdoctor.ingest.input.TextEncoding.asUtf8(Files.newInputStream(file))) {
      return read(file.toString(), in);
    }
  }

  /** Reads a mapping shipped as a class path resource next to this class. */
  public static ProxyExportMapping resource(String name) {
    try (InputStream in = ProxyExportMapping.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no shipped mapping " + name);
      }
      return read(name, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a mapping.
   *
   * @throws IllegalArgumentException with {@code source:line} for a bad mapping
   */
  public static ProxyExportMapping read(String source, InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    ProxyExportMapping m;
    try {
      m = YAML.readValue(text, ProxyExportMapping.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source + ":" + line(e, text) + ": " + e.getOriginalMessage(), e);
    }
    if (m == null) {
      throw new IllegalArgumentException(source + ": empty mapping");
    }
    m.validate(source);
    return m;
  }

  /** The line of the offending key; Jackson's own location is often the line after it. */
  private static int line(JsonProcessingException e, String text) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      String[] lines = text.split("\r?\n", -1);
      java.util.regex.Pattern key =
          java.util.regex.Pattern.compile(
              "^\\s*-?\\s*" + java.util.regex.Pattern.quote(u.getPropertyName()) + "\\s*:.*");
      for (int i = 0; i < lines.length; i++) {
        if (key.matcher(lines[i]).matches()) {
          return i + 1;
        }
      }
    }
    JsonLocation at = e.getLocation();
    return at == null ? 0 : at.getLineNr();
  }

  /** The zone given as {@code input} means the ingest's {@code --timezone}. */
  public boolean usesInputZone() {
    return time.zone() == null || time.zone().equalsIgnoreCase("input");
  }

  /** The delimiter character for {@code header} layouts, or 0 for auto. */
  public char delimiterChar() {
    return switch (delimiter.toLowerCase(Locale.ROOT)) {
      case "auto" -> 0;
      case "tab", "\t" -> '\t';
      default -> delimiter.charAt(0);
    };
  }

  private void validate(String source) {
    List<String> problems = new ArrayList<>();
    if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
      problems.add("name must be lowercase letters, digits, '.', '_' or '-'");
    }
    if (description == null || description.isBlank()) {
      problems.add("description is required");
    }
    if (!"header".equals(layout) && !"w3c".equals(layout)) {
      problems.add("layout must be header or w3c");
    }
    if (!delimiter.equalsIgnoreCase("auto")
        && !delimiter.equalsIgnoreCase("tab")
        && delimiter.length() != 1) {
      problems.add("delimiter must be one character, tab or auto");
    }
    if (time == null || time.formats() == null || time.formats().isEmpty()) {
      problems.add("time.formats is required");
    } else {
      for (String f : time.formats()) {
        try {
          TimeReader.check(f);
        } catch (IllegalArgumentException e) {
          problems.add("time format '" + f + "': " + e.getMessage());
        }
      }
      if (!usesInputZone()) {
        try {
          java.time.ZoneId.of(time.zone());
        } catch (java.time.DateTimeException e) {
          problems.add("unknown time zone '" + time.zone() + "'");
        }
      }
    }
    if (columns == null) {
      problems.add("columns is required");
    } else {
      Map<Role, List<String>> roles = columns.byRole();
      if (!roles.containsKey(Role.CLIENT_IP)) {
        problems.add("columns.client_ip is required");
      }
      if (!roles.containsKey(Role.URL) && !roles.containsKey(Role.HOST)) {
        problems.add("columns needs url or host");
      }
      if (!roles.containsKey(Role.TIME)) {
        problems.add("columns.time is required");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
    }
  }

  private static List<String> upper(List<String> words) {
    return words == null ? List.of() : words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList();
  }
}
