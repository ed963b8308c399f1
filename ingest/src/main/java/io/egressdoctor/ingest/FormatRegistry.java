package io.egressdoctor.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every known log format, and the choice of one for an input. */
public final class FormatRegistry {

  /** The least sniff score that counts as a match. */
  public static final int MIN_SCORE = 50;

  /** The fewest lines from further on in a file that are scored on their own. */
  static final int MIN_FURTHER_LINES = 16;

  private final Map<String, LogFormat> formats = new LinkedHashMap<>();

  /** A registry of the given formats, in order of preference. */
  public FormatRegistry(List<LogFormat> formats) {
    for (LogFormat f : formats) {
      if (this.formats.putIfAbsent(f.name(), f) != null) {
        throw new IllegalStateException("two formats are named " + f.name());
      }
    }
  }

  /** The formats of every {@link LogFormatProvider} on the class path. */
  public static FormatRegistry builtIn() {
    return withExtra(List.of());
  }

  /** The built-in formats followed by extra ones (e.g. from {@code --formats DIR}). */
  public static FormatRegistry withExtra(List<LogFormat> extra) {
    List<LogFormat> all = new ArrayList<>();
    for (LogFormatProvider p : ServiceLoader.load(LogFormatProvider.class)) {
      all.addAll(p.formats());
    }
    all.addAll(extra);
    return new FormatRegistry(all);
  }

  /** Every format, in order of preference. */
  public List<LogFormat> all() {
    return Collections.unmodifiableList(new ArrayList<>(formats.values()));
  }

  /** The format of that name. */
  public Optional<LogFormat> byName(String name) {
    return Optional.ofNullable(formats.get(name));
  }

  /**
   * The best-scoring format for the sample, if any scores at least {@link #MIN_SCORE}.
   *
   * <p>Formats are scored on the whole sample; when none reaches {@link #MIN_SCORE} and there are
   * enough lines from further on in the file, on those alone. A long banner, pasted notes or junk
   * at the top then do not hide what the rest of the file is, and the lines the chosen format
   * cannot read are its pipeline errors.
   */
  public Optional<LogFormat> detect(InputSample sample) {
    Optional<LogFormat> best = best(sample);
    if (best.isPresent() || sample.further().size() < MIN_FURTHER_LINES) {
      return best;
    }
    // Nothing reads the file as sampled: judge it by what the lines further on are.
    return best(new InputSample(sample.fileName(), sample.further()));
  }

  private Optional<LogFormat> best(InputSample sample) {
    LogFormat best = null;
    int bestScore = MIN_SCORE - 1;
    for (LogFormat f : formats.values()) {
      int score = f.sniff(sample);
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }
}
