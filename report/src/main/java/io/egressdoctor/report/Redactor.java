package io.egressdoctor.report;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.redact.Masker;
import io.egressdoctor.core.redact.Redaction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks a whole report with one {@link Masker}: credentials always, identities and public IPs as
 * {@code --redact} says, the same value with the same mask in every section and format.
 *
 * <p>It works in two passes over every string of the report model (found by walking its records, so
 * a section added later is covered too): first it learns the values, from the events behind the
 * evidence and from the text; then it masks every occurrence of every value, wherever it appears,
 * so an account id learned from an ARN is also masked in a file path of the inputs.
 */
public final class Redactor {

  /** Record components that hold no customer data and must keep their exact value. */
  private static final Set<String> KEPT = Set.of("schemaVersion", "redaction");

  private final Masker masker;

  /** A redactor that masks what the level says, and credentials at every level. */
  public Redactor(Redaction redaction) {
    this.masker = new Masker(redaction);
  }

  /**
   * The report with everything masked. The events behind the evidence (from the diagnosis) are
   * learned from too, so values only a parser knew to be a user name (a proxy's user column) are
   * masked.
   */
  public Report redact(Report report, List<Event> evidenceEvents) {
    evidenceEvents.forEach(masker::learn);
    RecordStrings.map(
        report,
        (name, value) -> {
          masker.learnField(name, value);
          return value;
        },
        KEPT);
    Report masked = RecordStrings.map(report, (name, value) -> masker.mask(value), KEPT);
    return masked.with(
        masked.findings(),
        masked.services(),
        masked.endpoints(),
        masked.timeline(),
        masked.inputs(),
        masker.redaction().label());
  }

  /** The masks given so far, value to mask; for tests and summaries. */
  public Map<String, String> masks() {
    return masker.masks();
  }
}
