package io.egressdoctor.diagnosis;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The analyzers found on the class path, by name. */
public final class CrossSourceAnalyzers {

  private static final Map<String, CrossSourceAnalyzer> BY_NAME = load();

  private CrossSourceAnalyzers() {}

  /** The analyzer with this name, if any. */
  public static Optional<CrossSourceAnalyzer> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every analyzer, sorted by name. */
  public static Map<String, CrossSourceAnalyzer> all() {
    return BY_NAME;
  }

  private static Map<String, CrossSourceAnalyzer> load() {
    var map = new TreeMap<String, CrossSourceAnalyzer>();
    for (CrossSourceAnalyzer analyzer : ServiceLoader.load(CrossSourceAnalyzer.class)) {
      CrossSourceAnalyzer previous = map.put(analyzer.name(), analyzer);
      if (previous != null) {
        throw new IllegalStateException("two analyzers named " + analyzer.name());
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
