package io.egressdoctor.analyzers;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The analyzers found on the class path, by name. */
public final class Analyzers {

  private static final Map<String, Analyzer> BY_NAME = load();

  private Analyzers() {}

  /** The analyzer with this name, if any. */
  public static Optional<Analyzer> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every analyzer, sorted by name. */
  public static Map<String, Analyzer> all() {
    return BY_NAME;
  }

  private static Map<String, Analyzer> load() {
    var map = new TreeMap<String, Analyzer>();
    for (Analyzer analyzer : ServiceLoader.load(Analyzer.class)) {
      Analyzer previous = map.put(analyzer.name(), analyzer);
      if (previous != null) {
        throw new IllegalStateException("two analyzers named " + analyzer.name());
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
