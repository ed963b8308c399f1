package io.egressdoctor.shell;

import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.FindingSource;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.RuleRef;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.ingest.EventEnricher;
import io.egressdoctor.ingest.reference.ReferenceFileException;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code report} and {@code collect} find the rule pack, the reference data, its enricher and
 * the endpoint catalog. Everything else in the report programs against the contracts ({@link
 * FindingSource}, {@link ReferenceData}, {@link EventEnricher}, {@link EndpointCatalog}); tests
 * pass their own instance.
 *
 * @param rules the finding source for an optional extra rules folder (null for the built-in pack)
 * @param reference the reference data loaded from files
 * @param enricher the enricher applying reference data during ingest
 * @param catalog the required-endpoint catalog
 */
public record ReportInputs(
    RulePackLoader rules,
    ReferenceFiles reference,
    java.util.function.Function<ReferenceData, EventEnricher> enricher,
    EndpointCatalog catalog) {

  /** Loads the rules to run. */
  @FunctionalInterface
  public interface RulePackLoader {
    /** The built-in pack, plus the rules in {@code folder} when it is not null. */
    FindingSource load(Path folder) throws IOException;
  }

  /** Loads reference data. */
  @FunctionalInterface
  public interface ReferenceFiles {
    /** The reference data in these files; {@link ReferenceData#empty()} for none. */
    ReferenceData load(List<Path> files) throws IOException;
  }

  /** What this build has: the built-in pack and catalog, and the reference loader. */
  public static ReportInputs builtIn() {
    return new ReportInputs(
        folder ->
            folder == null ? RulePack.builtIn() : RulePack.builtIn().plus(RulePack.load(folder)),
        files -> {
          try {
            return ReferenceLoader.load(files);
          } catch (ReferenceFileException e) {
            throw new UserError("reference data: " + e.getMessage());
          }
        },
        ReferenceOptions::enricher,
        new LazyEndpointCatalog(YamlEndpointCatalog::builtIn));
  }

  /** A finding source without rules. */
  public static final FindingSource NO_RULES =
      new FindingSource() {
        @Override
        public List<RuleRef> rules() {
          return List.of();
        }

        @Override
        public List<Finding> run(AnalysisContext context) {
          return List.of();
        }
      };
}
