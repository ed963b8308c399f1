package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module map of ARCHITECTURE.md, held against the build: no module depends on a module above
 * it, in its pom or in its imports.
 */
class ModuleDependenciesTest {

  private static final Path ROOT = Path.of("..");

  /** Each module with the modules it may use directly, lowest layer first. */
  private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("core", Set.of());
    ALLOWED.put("opensearch", Set.of("core"));
    ALLOWED.put("ingest", Set.of("core"));
    ALLOWED.put("diagnosis", Set.of("core", "ingest"));
    ALLOWED.put("rules", Set.of("core", "ingest", "diagnosis"));
    ALLOWED.put("report", Set.of("core", "diagnosis"));
    ALLOWED.put("collect", Set.of("core", "rules"));
    ALLOWED.put(
        "shell", Set.of("core", "opensearch", "ingest", "diagnosis", "rules", "report", "collect"));
    ALLOWED.put("samples", Set.of("core", "opensearch", "ingest", "diagnosis", "shell"));
    ALLOWED.put("bench", Set.of("shell"));
  }

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?io\\.egressdoctor\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void everyModuleOfTheBuildIsOnTheMap() throws Exception {
    Element project = pom(ROOT.resolve("pom.xml"));
    NodeList modules = project.getElementsByTagName("module");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      names.add(modules.item(i).getTextContent().trim());
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
  }

  @Test
  void pomsDependOnlyOnModulesBelowThem() throws Exception {
    for (String module : ALLOWED.keySet()) {
      assertThat(moduleDependencies(module))
          .as("egress-doctor modules that %s/pom.xml depends on", module)
          .isSubsetOf(ALLOWED.get(module));
    }
  }

  @Test
  void mainSourcesImportOnlyFromModulesTheyMayUse() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String module : ALLOWED.keySet()) {
      Set<String> reachable = reachable(module);
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(sources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (m.find()) {
            String used = m.group(1);
            if (ALLOWED.containsKey(used) && !reachable.contains(used)) {
              violations.add(ROOT.relativize(file) + " imports io.egressdoctor." + used);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theMapHasNoCycleAndPointsOnlyDownwards() {
    List<String> order = new ArrayList<>(ALLOWED.keySet());
    ALLOWED.forEach(
        (module, uses) ->
            uses.forEach(
                used ->
                    assertThat(order.indexOf(used))
                        .as("%s uses %s", module, used)
                        .isLessThan(order.indexOf(module))));
  }

  private static Set<String> reachable(String module) {
    Set<String> seen = new HashSet<>(Set.of(module));
    List<String> todo = new ArrayList<>(ALLOWED.get(module));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(ALLOWED.get(next));
      }
    }
    return seen;
  }

  private static Set<String> moduleDependencies(String module) throws Exception {
    Element project = pom(ROOT.resolve(module).resolve("pom.xml"));
    Set<String> used = new HashSet<>();
    NodeList deps = project.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      String group = text(dep, "groupId");
      String artifact = text(dep, "artifactId");
      if ("io.egressdoctor".equals(group) && artifact.startsWith("egress-doctor-")) {
        used.add(artifact.substring("egress-doctor-".length()));
      }
    }
    return used;
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  private static Element pom(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }
}
