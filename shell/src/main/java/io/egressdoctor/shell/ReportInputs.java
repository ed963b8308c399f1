package io.egressdoctor.shell;

import io.egressdoctor.analyzers.AnalysisContext;
import io.egressdoctor.analyzers.FindingSource;
import io.egressdoctor.analyzers.catalog.EndpointCatalog;
import io.egressdoctor.analyzers.finding.Finding;
import io.egressdoctor.analyzers.finding.RuleRef;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.EventEnricher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * WIRING POINT: where {@code report} and {@code collect} find the rule pack, the reference data,
 * its enricher and the endpoint catalog. Everything else in the report programs against the
 * contracts ({@link FindingSource}, {@link ReferenceData}, {@link EventEnricher}, {@link
 * EndpointCatalog}); tests pass their own instance.
 *
 * <p>Until the rule engine, reference loader and catalog land, {@link #builtIn()} runs no rules,
 * loads no reference data and knows no catalog, and refuses {@code --rules} and {@code --reference}
 * rather than ignore them silently.
 *
 * @param rules the finding source for an optional extra rules folder (null for the built-in pack)
 * @param reference the reference data loaded from files
 * @param enricher the enricher applying reference data during ingest
 * @param catalog the required-endpoint catalog
 */
public record ReportInputs(
    RulePackLoader rules,
    ReferenceLoader reference,
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
  public interface ReferenceLoader {
    /** The reference data in these files; {@link ReferenceData#empty()} for none. */
    ReferenceData load(List<Path> files) throws IOException;
  }

  /** What this build has. */
  public static ReportInputs builtIn() {
    return new ReportInputs(
        // WIRE: folder == null ? RulePack.builtIn() :
        // RulePack.builtIn().plus(RulePack.load(folder))
        folder -> {
          if (folder != null) {
            throw new UserError(
                "--rules needs the rule engine, which this build does not have yet");
          }
          return NO_RULES;
        },
        // WIRE: files -> ReferenceLoader.load(files)  (io.egressdoctor.ingest.reference)
        files -> {
          if (!files.isEmpty()) {
            throw new UserError(
                "--reference needs the reference data loader, which this build does not have yet");
          }
          return ReferenceData.empty();
        },
        // WIRE: reference -> new ReferenceEnricher(reference)  (io.egressdoctor.ingest.reference)
        reference -> EventEnricher.NONE,
        // WIRE: YamlEndpointCatalog.builtIn()  (io.egressdoctor.analyzers.catalog)
        EndpointCatalog.empty());
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
