package io.egressdoctor.collect;

import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the three collectors (the jar, {@code collect/egress-doctor-collect.sh} and {@code
 * collect/egress-doctor-collect.ps1}) gather, read from the one shared file {@code
 * collect-data.tsv} beside this class. The scripts embed {@link #embedded} of it, so they need
 * nothing else on the customer's machine; a test checks every embedded copy is current.
 *
 * @param settings limits by name ({@code max-file-bytes}, {@code tcp-timeout-seconds}...)
 * @param files the files to collect
 * @param never file-name globs never collected, with why
 * @param keyMarkers texts that mark a file holding a private key, with why
 * @param secretWords words that make a setting's value a secret
 * @param secretOptions installer options whose values are secrets
 * @param secretSuffixes endings of setting names whose values are secrets
 * @param scrubRules the masking rules, in the order they apply
 * @param variables the proxy environment variables
 * @param commands the commands run on the live machine
 * @param products catalog service words per product
 * @param ports the TCP port checked per kind of target
 */
public record CollectData(
    Map<String, String> settings,
    List<Location> files,
    Map<String, String> never,
    Map<String, String> keyMarkers,
    List<String> secretWords,
    List<String> secretOptions,
    List<String> secretSuffixes,
    List<ScrubRule> scrubRules,
    List<String> variables,
    List<Command> commands,
    Map<String, List<String>> products,
    Map<String, Integer> ports) {

  /** The resource holding the shared data, relative to this class. */
  public static final String RESOURCE = "collect-data.tsv";

  /** First line of the block the scripts embed. */
  public static final String BEGIN = "# BEGIN collect-data";

  /** Last line of the block the scripts embed. */
  public static final String END = "# END collect-data";

  /**
   * One place to look.
   *
   * @param what what is found there, for the manifest
   * @param pattern the path relative to the root, {@code /}-separated, {@code *} globs allowed in
   *     any segment
   * @param product the product whose files these are ({@code aws-replication}, {@code asr}, {@code
   *     migrate}), or empty
   */
  public record Location(String what, String pattern, String product) {}

  /**
   * One masking rule of the shared scrubbing specification: a regular expression in the subset that
   * POSIX ERE, Java and .NET read alike, with placeholders each collector fills in ({@link
   * SecretScrubber#regex}).
   *
   * @param kind what it masks, as the manifest counts it ({@code url-password}, {@code setting}...)
   * @param ignoreCase whether letters match in any case
   * @param pattern the regular expression, with placeholders
   * @param replacement the text put instead, {@code \1}..{@code \9} naming groups
   */
  public record ScrubRule(String kind, boolean ignoreCase, String pattern, String replacement) {}

  /**
   * A command run on the live machine.
   *
   * @param os the operating system it exists on ({@code windows}, {@code linux})
   * @param entry the bundle entry its masked output goes to
   * @param argv the program and its arguments
   */
  public record Command(String os, String entry, List<String> argv) {

    public Command {
      argv = List.copyOf(argv);
    }

    /** The command line as a person would type it. */
    public String line() {
      return String.join(" ", argv.stream().map(a -> a.contains(" ") ? '"' + a + '"' : a).toList());
    }
  }

  public CollectData {
    settings = Map.copyOf(settings);
    files = List.copyOf(files);
    never = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(never));
    keyMarkers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyMarkers));
    secretWords = List.copyOf(secretWords);
    secretOptions = List.copyOf(secretOptions);
    secretSuffixes = List.copyOf(secretSuffixes);
    scrubRules = List.copyOf(scrubRules);
    variables = List.copyOf(variables);
    commands = List.copyOf(commands);
    products = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(products));
    ports = Map.copyOf(ports);
  }

  private static volatile CollectData builtIn;

  /** The data shipped in this build. */
  public static CollectData builtIn() {
    CollectData data = builtIn;
    if (data == null) {
      data = parse(text());
      builtIn = data;
    }
    return data;
  }

  /** The shared file's text. */
  public static String text() {
    try (InputStream in = CollectData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the shared file; an unknown record or a missing field is an error with its line. */
  public static CollectData parse(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<Location> files = new ArrayList<>();
    Map<String, String> never = new LinkedHashMap<>();
    Map<String, String> markers = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    List<String> options = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    List<ScrubRule> rules = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    List<Command> commands = new ArrayList<>();
    Map<String, List<String>> products = new LinkedHashMap<>();
    Map<String, Integer> ports = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String kind = f[0];
      int min =
          switch (kind) {
            case "setting", "never", "key-marker", "product", "port", "endpoint" -> 3;
            case "file" -> 4;
            case "command" -> 4;
            case "secret-word", "secret-option", "secret-suffix", "variable" -> 2;
            case "scrub" -> 5;
            default ->
                throw new IllegalArgumentException(
                    RESOURCE + ":" + number + ": unknown record '" + kind + "'");
          };
      if (f.length < min || Arrays.stream(f).anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException(
            RESOURCE + ":" + number + ": '" + kind + "' needs " + min + " non-empty fields");
      }
      switch (kind) {
        case "setting" -> settings.put(f[1], f[2]);
        case "file" -> files.add(new Location(f[3], f[2], f[1].equals("-") ? "" : f[1]));
        case "never" -> never.put(f[1], f[2]);
        case "key-marker" -> markers.put(f[1], f[2]);
        case "secret-word" -> words.addAll(List.of(f).subList(1, f.length));
        case "secret-option" -> options.addAll(List.of(f).subList(1, f.length));
        case "secret-suffix" -> suffixes.addAll(List.of(f).subList(1, f.length));
        case "scrub" -> rules.add(new ScrubRule(f[1], f[2].equals("i"), f[3], f[4]));
        case "variable" -> variables.add(f[1]);
        case "command" -> commands.add(new Command(f[1], f[2], List.of(f).subList(3, f.length)));
        case "product" -> products.put(f[1], List.of(f).subList(2, f.length));
        case "port" -> ports.put(f[1], Integer.parseInt(f[2]));
        default -> {
          // endpoint records live in the scripts' copies only; the jar reads the catalog.
        }
      }
    }
    return new CollectData(
        settings, files, never, markers, words, options, suffixes, rules, variables, commands,
        products, ports);
  }

  /** A numeric setting. */
  public long setting(String name) {
    String value = settings.get(name);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + " has no setting " + name);
    }
    return Long.parseLong(value);
  }

  /** Whether a file name is one never collected, and why (null when it may be). */
  public String neverReason(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : never.entrySet()) {
      if (globMatches(e.getKey().toLowerCase(Locale.ROOT), name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Why a file's text may not be collected (it holds a key), or null. */
  public String keyReason(String text) {
    for (Map.Entry<String, String> e : keyMarkers.entrySet()) {
      if (text.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Whether a {@code *}-only glob matches the whole name. */
  static boolean globMatches(String glob, String name) {
    String[] parts = glob.split("\\*", -1);
    if (parts.length == 1) {
      return glob.equals(name);
    }
    if (!name.startsWith(parts[0])) {
      return false;
    }
    int at = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int found = name.indexOf(parts[i], at);
      if (found < 0) {
        return false;
      }
      at = found + parts[i].length();
    }
    String last = parts[parts.length - 1];
    return name.length() - last.length() >= at && name.endsWith(last);
  }

  /** The catalog services a product's files show. */
  public List<String> services(String product, EndpointCatalog catalog) {
    List<String> words = products.getOrDefault(product, List.of());
    return catalog.services().stream()
        .filter(s -> words.stream().anyMatch(w -> s.toLowerCase(Locale.ROOT).contains(w)))
        .toList();
  }

  /**
   * The required names per product, as host patterns ({@code <region>} kept), wildcards left out:
   * they cannot be resolved.
   */
  public Map<String, Set<String>> endpoints(EndpointCatalog catalog) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String product : products.keySet()) {
      Set<String> hosts = new LinkedHashSet<>();
      for (String service : services(product, catalog)) {
        for (RequiredEndpoint endpoint : catalog.endpoints(service)) {
          if (!endpoint.host().startsWith("*.")) {
            hosts.add(endpoint.host());
          }
        }
      }
      out.put(product, hosts);
    }
    return out;
  }

  /**
   * The block the scripts embed: every record of the shared file, then the endpoint records from
   * the catalog, between {@link #BEGIN} and {@link #END}.
   */
  public static String embedded(String sharedText, CollectData data, EndpointCatalog catalog) {
    var sb = new StringBuilder(BEGIN).append('\n');
    sb.append("# Generated from collect/src/main/resources/io/egressdoctor/collect/")
        .append(RESOURCE)
        .append(" and\n# the required-endpoint catalog. Do not edit here: edit those, then run\n")
        .append(
            "# ./mvnw -pl collect -am test -Dtest=CollectDataTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true\n");
    for (String line : sharedText.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    data.endpoints(catalog)
        .forEach(
            (product, hosts) ->
                hosts.forEach(
                    h ->
                        sb.append("endpoint\t")
                            .append(product)
                            .append('\t')
                            .append(h)
                            .append('\n')));
    return sb.append(END).append('\n').toString();
  }
}
