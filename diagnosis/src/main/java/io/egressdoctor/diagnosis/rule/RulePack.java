package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.FindingSource;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.RuleRef;
import io.egressdoctor.diagnosis.rule.correlation.Correlation;
import io.egressdoctor.diagnosis.rule.correlation.CorrelationRunner;
import io.egressdoctor.diagnosis.rule.sigma.SigmaRuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A set of rules that runs as one {@link FindingSource}: the built-in pack, a folder of the user's
 * rules, or both.
 *
 * <p>A pack is checked as a whole when it is made: ids and names are unique, every correlation
 * refers to query rules of the pack, and every rule file holds a rule named after the file (its
 * fixtures sit beside it in {@code <name>.tests/}). Any problem fails the whole pack, listing every
 * problem with file and line.
 */
public final class RulePack implements FindingSource {

  /** The classpath folder of the built-in pack. */
  public static final String BUILT_IN_ROOT = "io/egressdoctor/rules/pack";

  /** A file that marks the built-in pack's folder on the classpath. */
  static final String MARKER = BUILT_IN_ROOT + "/pack.properties";

  /** The folder suffix of a rule's fixtures. */
  public static final String FIXTURES_SUFFIX = ".tests";

  private final List<Rule> rules;
  private final Map<String, Path> files;
  private final Map<String, List<Rule.Detection>> sources;
  private final Set<String> silent;

  private RulePack(List<Rule> rules, Map<String, Path> files) {
    this.rules = List.copyOf(rules);
    this.files = Map.copyOf(files);
    List<RuleProblem> problems = new ArrayList<>();
    checkUnique(problems);
    this.sources = resolveCorrelations(problems);
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    Set<String> s = new HashSet<>();
    for (Rule r : rules) {
      if (r instanceof Rule.CorrelationRule c && !c.correlation().generate()) {
        sources.get(r.meta().id()).forEach(d -> s.add(d.meta().id()));
      }
    }
    this.silent = Set.copyOf(s);
  }

  /** The pack that ships with egress-doctor, read from the class path (a folder or the jar). */
  public static RulePack builtIn() {
    URL marker = RulePack.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new IllegalStateException(
          "the built-in rule pack is not on the class path (" + MARKER + ")");
    }
    try {
      return load(builtInFolder(marker), "builtin:");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in pack's folder: on disk in a build, inside the jar when run from it. */
  public static Path builtInFolder() {
    URL marker = RulePack.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new IllegalStateException("the built-in rule pack is not on the class path");
    }
    try {
      return builtInFolder(marker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path builtInFolder(URL marker) throws IOException {
    try {
      URI uri = marker.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/" + BUILT_IN_ROOT);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IOException("bad class path URL " + marker, e);
    }
  }

  /**
   * The rules of a folder: every {@code .yml} and {@code .yaml} file in it and its subfolders,
   * fixture folders excepted.
   *
   * @throws RuleLoadException listing every problem, with file and line
   */
  public static RulePack load(Path dir) throws IOException {
    return load(dir, "");
  }

  private static RulePack load(Path dir, String displayPrefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "not a rule folder");
    }
    List<Path> ymls;
    try (Stream<Path> walk = Files.walk(dir)) {
      ymls =
          walk.filter(Files::isRegularFile)
              .filter(p -> isRuleFile(dir, p))
              .sorted(java.util.Comparator.comparing(Path::toString))
              .toList();
    }
    List<RuleProblem> problems = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (Path p : ymls) {
      String display =
          displayPrefix.isEmpty()
              ? p.toString()
              : displayPrefix + dir.relativize(p).toString().replace('\\', '/');
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<Rule> loaded = SigmaRuleLoader.load(display, text, problems);
      String base = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (!loaded.isEmpty() && loaded.stream().noneMatch(r -> r.meta().name().equals(base))) {
        problems.add(
            new RuleProblem(
                display,
                1,
                "the file holds no rule named '" + base + "' (name it after the file)"));
      }
      for (Rule r : loaded) {
        rules.add(r);
        files.put(r.meta().id(), p);
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return new RulePack(rules, files);
  }

  private static boolean isRuleFile(Path root, Path p) {
    String name = p.getFileName().toString();
    if (!(name.endsWith(".yml") || name.endsWith(".yaml"))) {
      return false;
    }
    for (Path part : root.relativize(p)) {
      String s = part.toString();
      if (s.endsWith(FIXTURES_SUFFIX) || s.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** A pack of already loaded rules, checked as a whole. */
  public static RulePack of(List<Rule> rules) {
    return new RulePack(rules, Map.of());
  }

  /**
   * This pack with another on top: a rule of {@code other} with the id of one of ours replaces it,
   * so a support engineer can tune a built-in rule by copying it.
   */
  public RulePack plus(RulePack other) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.meta().id(), r));
    other.rules.forEach(r -> byId.put(r.meta().id(), r));
    Map<String, Path> f = new LinkedHashMap<>(files);
    f.putAll(other.files);
    return new RulePack(new ArrayList<>(byId.values()), f);
  }

  /** Every rule, in load order. */
  public List<Rule> all() {
    return rules;
  }

  /** The rule with this name or id. */
  public Optional<Rule> find(String nameOrId) {
    return rules.stream()
        .filter(r -> r.meta().name().equals(nameOrId) || r.meta().id().equals(nameOrId))
        .findFirst();
  }

  /** The file a rule was read from, when it came from one. */
  public Optional<Path> file(Rule rule) {
    return Optional.ofNullable(files.get(rule.meta().id()));
  }

  /** Whether a query rule only feeds correlations and reports nothing itself. */
  public boolean isSilent(Rule rule) {
    return silent.contains(rule.meta().id());
  }

  @Override
  public List<RuleRef> rules() {
    return rules.stream().map(r -> r.meta().ref()).toList();
  }

  @Override
  public List<Finding> run(AnalysisContext context) throws IOException {
    List<Finding> all = new ArrayList<>();
    for (RuleRun run : runEach(context)) {
      all.addAll(run.findings());
    }
    return FindingMerger.merge(all);
  }

  /** Runs every rule that reports findings, one by one, with its time. */
  public List<RuleRun> runEach(AnalysisContext context) throws IOException {
    List<RuleRun> runs = new ArrayList<>();
    for (Rule r : rules) {
      if (!isSilent(r)) {
        runs.add(runOne(r, context));
      }
    }
    return runs;
  }

  /** Runs one rule of this pack, silent or not. */
  public RuleRun runOne(Rule rule, AnalysisContext context) throws IOException {
    long start = System.nanoTime();
    List<Finding> findings;
    try {
      findings =
          switch (rule) {
            case Rule.Detection d -> DetectionRunner.run(d, context).stream().toList();
            case Rule.CorrelationRule c ->
                CorrelationRunner.run(c, sources.get(c.meta().id()), context).stream().toList();
            case Rule.AnalyzerRule a -> analyzer(a, context);
          };
      findings = Recency.judge(findings, context);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "rule " + rule.meta().name() + " (" + rule.meta().location() + ") failed: " + e, e);
    }
    return new RuleRun(rule, findings, Duration.ofNanos(System.nanoTime() - start));
  }

  private static List<Finding> analyzer(Rule.AnalyzerRule a, AnalysisContext context)
      throws IOException {
    RuleMeta meta = a.meta();
    List<Finding> out = new ArrayList<>();
    for (Finding f : a.analyzer().analyze(context, meta.ref(), a.parameters())) {
      out.add(
          new Finding(
              f.rule(),
              f.level(),
              f.pattern().isEmpty() ? meta.pattern() : f.pattern(),
              f.summary(),
              f.entities(),
              f.evidence(),
              f.evidenceTotal(),
              f.fix().isEmpty()
                  ? FindingComposer.render(
                      meta.fix(),
                      meta,
                      new FindingComposer.Facts(
                          f.entities(), f.evidenceTotal(), 0, f.firstSeen(), f.lastSeen(), ""))
                  : f.fix(),
              f.references().isEmpty() ? meta.references() : f.references(),
              f.firstSeen(),
              f.lastSeen(),
              f.state()));
    }
    return out;
  }

  private void checkUnique(List<RuleProblem> problems) {
    Map<String, Rule> ids = new LinkedHashMap<>();
    Map<String, Rule> names = new LinkedHashMap<>();
    for (Rule r : rules) {
      RuleMeta m = r.meta();
      Rule prevId = ids.putIfAbsent(m.id(), r);
      if (prevId != null) {
        problems.add(
            new RuleProblem(
                m.file(),
                m.line(),
                "duplicate id " + m.id() + " (also " + prevId.meta().location() + ")"));
      }
      Rule prevName = names.putIfAbsent(m.name(), r);
      if (prevName != null && prevId == null) {
        problems.add(
            new RuleProblem(
                m.file(),
                m.line(),
                "duplicate name '" + m.name() + "' (also " + prevName.meta().location() + ")"));
      }
    }
  }

  private Map<String, List<Rule.Detection>> resolveCorrelations(List<RuleProblem> problems) {
    Map<String, List<Rule.Detection>> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (!(r instanceof Rule.CorrelationRule c)) {
        continue;
      }
      Correlation corr = c.correlation();
      List<Rule.Detection> found = new ArrayList<>();
      for (String ref : corr.rules()) {
        Optional<Rule> target = find(ref);
        if (target.isEmpty()) {
          problems.add(
              new RuleProblem(
                  r.meta().file(),
                  corr.line(),
                  "correlation refers to unknown rule '" + ref + "'"));
        } else if (target.get() instanceof Rule.Detection d) {
          found.add(d);
        } else {
          problems.add(
              new RuleProblem(
                  r.meta().file(),
                  corr.line(),
                  "correlation refers to '" + ref + "', which is not a query rule"));
        }
      }
      for (Map.Entry<String, Map<String, String>> alias : corr.aliases().entrySet()) {
        for (Rule.Detection d : found) {
          Map<String, String> per = alias.getValue();
          if (!per.containsKey(d.meta().name()) && !per.containsKey(d.meta().id())) {
            problems.add(
                new RuleProblem(
                    r.meta().file(),
                    corr.line(),
                    "alias '"
                        + alias.getKey()
                        + "' gives no field for rule '"
                        + d.meta().name()
                        + "'"));
          }
        }
      }
      out.put(r.meta().id(), Collections.unmodifiableList(found));
    }
    return out;
  }
}
