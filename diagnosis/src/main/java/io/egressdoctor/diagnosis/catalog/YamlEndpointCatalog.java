package io.egressdoctor.diagnosis.catalog;

import io.egressdoctor.core.yaml.LocatedYamlReader;
import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.core.yaml.YamlNode.Mapping;
import io.egressdoctor.core.yaml.YamlNode.Scalar;
import io.egressdoctor.core.yaml.YamlNode.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The required-endpoint catalog read from YAML, strictly: an unknown key, a missing key or a value
 * of the wrong shape is a {@link CatalogFormatException} naming the file and line.
 *
 * <p>The built-in catalog is the classpath resource {@value #BUILT_IN}, shipped in the rules
 * module.
 */
public final class YamlEndpointCatalog implements EndpointCatalog {

  /** Where the built-in catalog lives on the class path. */
  public static final String BUILT_IN = "io/egressdoctor/rules/catalog/required-endpoints.yml";

  private static final Set<String> ROOT_KEYS = Set.of("services");
  private static final Set<String> SERVICE_KEYS =
      Set.of("id", "name", "replication_ports", "references", "endpoints");
  private static final Set<String> ENDPOINT_KEYS =
      Set.of(
          "host",
          "ports",
          "purpose",
          "private_endpoint",
          "privatelink_host",
          "bypass",
          "references");
  private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?([a-z0-9-]+|<region>)([a-z0-9-]|<region>)*(\\.([a-z0-9-]|<region>)+)*");

  private static volatile EndpointCatalog builtIn;

  private final Map<String, Service> services;
  private final List<RequiredEndpoint> bySpecificity;

  private record Service(
      String id, String name, List<Integer> replicationPorts, List<RequiredEndpoint> endpoints) {}

  private YamlEndpointCatalog(Map<String, Service> services) {
    this.services = services;
    this.bySpecificity =
        services.values().stream()
            .flatMap(s -> s.endpoints().stream())
            .sorted(Comparator.comparingInt(RequiredEndpoint::specificity).reversed())
            .toList();
  }

  /**
   * The catalog shipped with egress-doctor, read once; works from the shaded jar.
   *
   * @throws IllegalStateException when the rules module is not on the class path
   */
  public static EndpointCatalog builtIn() {
    EndpointCatalog catalog = builtIn;
    if (catalog == null) {
      // Two threads may both read it; the catalog is immutable, so either copy will do.
      catalog = readBuiltIn();
      builtIn = catalog;
    }
    return catalog;
  }

  private static EndpointCatalog readBuiltIn() {
    ClassLoader loader = YamlEndpointCatalog.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(
            "the built-in endpoint catalog " + BUILT_IN + " is not on the class path");
      }
      return read(in, "classpath:" + BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a catalog file. */
  public static EndpointCatalog load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a catalog from a stream; {@code file} names it in errors. */
  public static EndpointCatalog read(InputStream in, String file) throws IOException {
    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    List<CatalogFormatException> problems = new ArrayList<>();
    YamlNode root =
        LocatedYamlReader.readOne(
            text,
            false,
            (line, problem) -> problems.add(new CatalogFormatException(file, line, problem)));
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    return new Reader(file).catalog(root);
  }

  @Override
  public List<String> services() {
    return List.copyOf(services.keySet());
  }

  @Override
  public List<RequiredEndpoint> endpoints(String service) {
    Service s = services.get(service);
    return s == null ? List.of() : s.endpoints();
  }

  /**
   * The most specific endpoint whose pattern, or privatelink form, matches the name: exact names
   * win over wildcards, longer patterns over shorter, then catalog order.
   */
  @Override
  public Optional<RequiredEndpoint> find(String name) {
    return bySpecificity.stream().filter(e -> e.matchesAnyForm(name)).findFirst();
  }

  @Override
  public List<Integer> replicationPorts(String service) {
    Service s = services.get(service);
    return s == null ? List.of() : s.replicationPorts();
  }

  @Override
  public String serviceName(String service) {
    Service s = services.get(service);
    return s == null ? service : s.name();
  }

  /** Turns the located tree into services, checking every key and value. */
  private record Reader(String file) {

    EndpointCatalog catalog(YamlNode root) {
      Mapping map = map(root, "the catalog");
      keys(map, ROOT_KEYS, "the catalog");
      Sequence list = list(required(map, "services", "the catalog"), "services");
      if (list.items().isEmpty()) {
        throw error(list, "services: at least one service is required");
      }
      Map<String, Service> services = new LinkedHashMap<>();
      for (YamlNode item : list.items()) {
        Service s = service(item);
        if (services.putIfAbsent(s.id(), s) != null) {
          throw error(item, "service id '" + s.id() + "' is declared twice");
        }
      }
      return new YamlEndpointCatalog(services);
    }

    private Service service(YamlNode node) {
      Mapping map = map(node, "a service");
      keys(map, SERVICE_KEYS, "a service");
      String id = text(required(map, "id", "a service"), "id");
      if (!SERVICE_ID.matcher(id).matches()) {
        throw error(map.entries().get("id"), "id '" + id + "' is not kebab-case");
      }
      String where = "service " + id;
      String name = text(required(map, "name", where), "name");
      List<Integer> replication =
          ports(map.entries().get("replication_ports"), "replication_ports");
      List<String> references = references(map.entries().get("references"));
      Sequence list = list(required(map, "endpoints", where), "endpoints");
      if (list.items().isEmpty()) {
        throw error(list, where + ": at least one endpoint is required");
      }
      List<RequiredEndpoint> endpoints = new ArrayList<>();
      Set<String> hosts = new LinkedHashSet<>();
      for (YamlNode item : list.items()) {
        RequiredEndpoint e = endpoint(item, id, references);
        if (!hosts.add(e.host())) {
          throw error(item, where + ": host '" + e.host() + "' is listed twice");
        }
        endpoints.add(e);
      }
      return new Service(id, name, replication, List.copyOf(endpoints));
    }

    private RequiredEndpoint endpoint(YamlNode node, String service, List<String> serviceRefs) {
      Mapping map = map(node, "an endpoint");
      keys(map, ENDPOINT_KEYS, "an endpoint");
      String where = "an endpoint of " + service;
      YamlNode hostNode = required(map, "host", where);
      String host = hostPattern(hostNode, "host");
      where = "endpoint " + host;
      List<Integer> ports = ports(required(map, "ports", where), "ports");
      if (ports.isEmpty()) {
        throw error(map.entries().get("ports"), where + ": ports must list at least one port");
      }
      String purpose = text(required(map, "purpose", where), "purpose");
      boolean capable = bool(required(map, "private_endpoint", where), "private_endpoint");
      YamlNode linkNode = map.entries().get("privatelink_host");
      String link = linkNode == null ? "" : hostPattern(linkNode, "privatelink_host");
      if (!link.isEmpty() && !capable) {
        throw error(linkNode, where + ": privatelink_host needs private_endpoint: true");
      }
      YamlNode bypassNode = map.entries().get("bypass");
      RequiredEndpoint.BypassForm bypass = bypassNode == null ? null : bypass(bypassNode);
      Set<String> refs = new LinkedHashSet<>(references(map.entries().get("references")));
      refs.addAll(serviceRefs);
      return new RequiredEndpoint(
          service, host, ports, purpose, capable, link, List.copyOf(refs), bypass);
    }

    private RequiredEndpoint.BypassForm bypass(YamlNode node) {
      String v = text(node, "bypass");
      try {
        return RequiredEndpoint.BypassForm.valueOf(v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(node, "bypass: '" + v + "' is not one of name, parent, zone");
      }
    }

    private String hostPattern(YamlNode node, String key) {
      String host = text(node, key);
      if (!HOST.matcher(host).matches()) {
        throw error(
            node,
            key
                + ": '"
                + host
                + "' is not a host pattern (lowercase labels, <region>, and '*.' only at the"
                + " start)");
      }
      return host;
    }

    private List<Integer> ports(YamlNode node, String key) {
      if (node == null) {
        return List.of();
      }
      List<Integer> out = new ArrayList<>();
      for (YamlNode item : list(node, key).items()) {
        if (!(item instanceof Scalar s) || !(s.value() instanceof Long)) {
          throw error(item, key + ": expected a port number");
        }
        int port;
        try {
          port = Integer.parseInt(s.text());
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 1 || port > 65535) {
          throw error(item, key + ": " + s.text() + " is not a TCP port (1-65535)");
        }
        out.add(port);
      }
      return List.copyOf(out);
    }

    private List<String> references(YamlNode node) {
      if (node == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (YamlNode item : list(node, "references").items()) {
        String url = text(item, "references");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
          throw error(item, "references: '" + url + "' is not an http(s) URL");
        }
        out.add(url);
      }
      return out;
    }

    private void keys(Mapping map, Set<String> allowed, String what) {
      for (String key : map.entries().keySet()) {
        if (!allowed.contains(key)) {
          throw new CatalogFormatException(
              file,
              map.lineOf(key),
              "unknown key '"
                  + key
                  + "' in "
                  + what
                  + " (allowed: "
                  + String.join(", ", allowed.stream().sorted().toList())
                  + ")");
        }
      }
    }

    private YamlNode required(Mapping map, String key, String what) {
      YamlNode n = map.entries().get(key);
      if (n == null || (n instanceof Scalar s && s.isNull())) {
        throw error(map, what + ": '" + key + "' is required");
      }
      return n;
    }

    private Mapping map(YamlNode node, String what) {
      if (node instanceof Mapping m) {
        return m;
      }
      throw error(node, "expected " + what + " as a mapping of keys");
    }

    private Sequence list(YamlNode node, String key) {
      if (node instanceof Sequence l) {
        return l;
      }
      throw error(node, key + ": expected a list");
    }

    private String text(YamlNode node, String key) {
      if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
        if (!(s.value() instanceof String)) {
          throw error(node, key + ": expected text, found '" + s.text() + "'");
        }
        return s.text().strip();
      }
      throw error(node, key + ": expected text");
    }

    private boolean bool(YamlNode node, String key) {
      if (node instanceof Scalar s && s.value() instanceof Boolean b) {
        return b;
      }
      throw error(node, key + ": expected true or false");
    }

    private CatalogFormatException error(YamlNode node, String problem) {
      return new CatalogFormatException(file, node == null ? 0 : node.line(), problem);
    }
  }
}
