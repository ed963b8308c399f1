package io.egressdoctor.core.query;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands a query on {@code related.ip}, {@code related.hosts} or {@code related.user} into the
 * same question asked of every field it collects ({@link Fields#collectedBy}) and of the field
 * itself, which holds only the values found nowhere else. Both backends translate the expanded
 * query, so {@code related.ip:10.0.0.0/8} finds an event by any of its IPs wherever it is kept.
 */
public final class RelatedQueries {

  private RelatedQueries() {}

  /** The query with every clause on a {@code related.*} field expanded; others unchanged. */
  public static EventQuery expand(EventQuery query) {
    return switch (query) {
      case EventQuery.Bool b ->
          new EventQuery.Bool(
              b.must().stream().map(RelatedQueries::expand).toList(),
              b.should().stream().map(RelatedQueries::expand).toList(),
              b.mustNot().stream().map(RelatedQueries::expand).toList(),
              b.minimumShould());
      default -> {
        Optional<String> field = fieldOf(query);
        List<FieldDefinition> collected =
            field.flatMap(Fields::find).map(Fields::collectedBy).orElse(List.of());
        if (collected.isEmpty()) {
          yield query;
        }
        List<EventQuery> any = new ArrayList<>();
        any.add(query);
        for (FieldDefinition f : collected) {
          any.add(onField(query, f.name()));
        }
        yield new EventQuery.Bool(List.of(), any, List.of(), 1);
      }
    };
  }

  /** The field a leaf query asks about. */
  public static Optional<String> fieldOf(EventQuery query) {
    return Optional.ofNullable(
        switch (query) {
          case EventQuery.Term t -> t.field();
          case EventQuery.Terms t -> t.field();
          case EventQuery.Prefix p -> p.field();
          case EventQuery.Suffix s -> s.field();
          case EventQuery.Wildcard w -> w.field();
          case EventQuery.Regex r -> r.field();
          case EventQuery.CidrMatch c -> c.field();
          case EventQuery.Range r -> r.field();
          case EventQuery.Exists e -> e.field();
          case EventQuery.Text t -> t.field();
          case EventQuery.MatchAll m -> null;
          case EventQuery.Bool b -> null;
        });
  }

  private static EventQuery onField(EventQuery query, String field) {
    return switch (query) {
      case EventQuery.Term t -> new EventQuery.Term(field, t.value());
      case EventQuery.Terms t -> new EventQuery.Terms(field, t.values());
      case EventQuery.Prefix p -> new EventQuery.Prefix(field, p.prefix());
      case EventQuery.Suffix s -> new EventQuery.Suffix(field, s.suffix());
      case EventQuery.Wildcard w -> new EventQuery.Wildcard(field, w.pattern());
      case EventQuery.Regex r -> new EventQuery.Regex(field, r.pattern());
      case EventQuery.CidrMatch c -> new EventQuery.CidrMatch(field, c.cidr());
      case EventQuery.Range r ->
          new EventQuery.Range(field, r.lower(), r.upper(), r.includeLower(), r.includeUpper());
      case EventQuery.Exists e -> new EventQuery.Exists(field);
      case EventQuery.Text t -> new EventQuery.Text(field, t.text(), t.phrase());
      case EventQuery.MatchAll m -> m;
      case EventQuery.Bool b -> b;
    };
  }
}
