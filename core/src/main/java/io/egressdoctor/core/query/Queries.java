package io.egressdoctor.core.query;

import java.util.Arrays;
import java.util.List;

/** Short factory methods for building {@link EventQuery} trees in code and tests. */
public final class Queries {

  private static final EventQuery ALL = new EventQuery.MatchAll();

  private Queries() {}

  /** Every event. */
  public static EventQuery all() {
    return ALL;
  }

  /** An exact value. */
  public static EventQuery term(String field, String value) {
    return new EventQuery.Term(field, value);
  }

  /** Any of several exact values. */
  public static EventQuery terms(String field, List<String> values) {
    return new EventQuery.Terms(field, values);
  }

  /** Every clause must match. */
  public static EventQuery and(EventQuery... clauses) {
    return and(Arrays.asList(clauses));
  }

  /** Every clause must match. */
  public static EventQuery and(List<EventQuery> clauses) {
    List<EventQuery> real =
        clauses.stream().filter(q -> !(q instanceof EventQuery.MatchAll)).toList();
    if (real.isEmpty()) {
      return ALL;
    }
    return real.size() == 1 ? real.get(0) : new EventQuery.Bool(real, List.of(), List.of(), 0);
  }

  /** At least one clause must match. */
  public static EventQuery or(EventQuery... clauses) {
    return or(Arrays.asList(clauses));
  }

  /** At least one clause must match. */
  public static EventQuery or(List<EventQuery> clauses) {
    return clauses.size() == 1
        ? clauses.get(0)
        : new EventQuery.Bool(List.of(), clauses, List.of(), 1);
  }

  /** The clause must not match. */
  public static EventQuery not(EventQuery clause) {
    return new EventQuery.Bool(List.of(ALL), List.of(), List.of(clause), 0);
  }

  /** The field has a value. */
  public static EventQuery exists(String field) {
    return new EventQuery.Exists(field);
  }
}
