package io.egressdoctor.core.query;

import java.util.List;
import java.util.Objects;

/**
 * A backend-neutral query over events. Each backend translates it once; rules, the query parser and
 * the analyzers only ever build these.
 */
public sealed interface EventQuery
    permits EventQuery.MatchAll,
        EventQuery.Term,
        EventQuery.Terms,
        EventQuery.Prefix,
        EventQuery.Suffix,
        EventQuery.Wildcard,
        EventQuery.Regex,
        EventQuery.CidrMatch,
        EventQuery.Range,
        EventQuery.Exists,
        EventQuery.Text,
        EventQuery.Bool {

  /** Every event. */
  record MatchAll() implements EventQuery {}

  /** The field has exactly this value (already normalised for the field's type). */
  record Term(String field, String value) implements EventQuery {
    public Term {
      Objects.requireNonNull(field);
      Objects.requireNonNull(value);
    }
  }

  /** The field has any of these values. */
  record Terms(String field, List<String> values) implements EventQuery {
    public Terms {
      values = List.copyOf(values);
    }
  }

  /** A keyword value starts with this. */
  record Prefix(String field, String prefix) implements EventQuery {}

  /** A keyword value ends with this; fast on suffix-searchable fields. */
  record Suffix(String field, String suffix) implements EventQuery {}

  /** A keyword value matches a pattern with {@code *} and {@code ?}. */
  record Wildcard(String field, String pattern) implements EventQuery {}

  /** A keyword value matches a regular expression (Lucene RegExp syntax, whole value). */
  record Regex(String field, String pattern) implements EventQuery {}

  /** An IP field lies inside a network given in CIDR notation. */
  record CidrMatch(String field, String cidr) implements EventQuery {}

  /**
   * A long, date, IP or keyword value lies within bounds; a null bound is open. Date bounds are
   * epoch milliseconds as decimal strings.
   */
  record Range(String field, String lower, String upper, boolean includeLower, boolean includeUpper)
      implements EventQuery {}

  /** The field has a value. */
  record Exists(String field) implements EventQuery {}

  /** Full-text match on a text field; a phrase matches its words in order. */
  record Text(String field, String text, boolean phrase) implements EventQuery {}

  /**
   * A boolean combination. An event matches when it matches every {@code must}, none of {@code
   * mustNot}, and, when {@code should} is not empty, at least {@code minimumShould} of them.
   */
  record Bool(
      List<EventQuery> must, List<EventQuery> should, List<EventQuery> mustNot, int minimumShould)
      implements EventQuery {
    public Bool {
      must = List.copyOf(must);
      should = List.copyOf(should);
      mustNot = List.copyOf(mustNot);
    }
  }
}
