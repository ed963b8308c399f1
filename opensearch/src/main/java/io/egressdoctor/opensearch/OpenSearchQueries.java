package io.egressdoctor.opensearch;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.QueryValues;
import io.egressdoctor.core.query.RelatedQueries;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.RangeQuery;

/**
 * Translates the backend-neutral {@link EventQuery} into the OpenSearch query DSL, by field type,
 * clause for clause as the local backend's Lucene translation does: exact values normalised the
 * same way, CIDR as an {@code ip} term, suffixes as a prefix on the reversed sub-field, ranges on
 * the field's own type, and boolean clauses as filters (no scoring).
 */
public final class OpenSearchQueries {

  /**
   * The query for an event query; throws {@link IllegalArgumentException} as the local one does.
   * Clauses on {@code related.*} ask the fields it collects too, as on the local index.
   */
  public Query translate(EventQuery query) {
    return translateExpanded(RelatedQueries.expand(query));
  }

  private Query translateExpanded(EventQuery query) {
    return switch (query) {
      case EventQuery.MatchAll m -> Query.of(q -> q.matchAll(a -> a));
      case EventQuery.Term t -> term(field(t.field()), t.value());
      case EventQuery.Terms t -> terms(field(t.field()), t.values());
      case EventQuery.Prefix p -> {
        FieldDefinition f = keyword(p.field());
        yield Query.of(q -> q.prefix(x -> x.field(name(f)).value(QueryValues.norm(f, p.prefix()))));
      }
      case EventQuery.Suffix s -> suffix(field(s.field()), s.suffix());
      case EventQuery.Wildcard w -> {
        FieldDefinition f = keyword(w.field());
        yield Query.of(
            q -> q.wildcard(x -> x.field(name(f)).value(QueryValues.norm(f, w.pattern()))));
      }
      case EventQuery.Regex r -> {
        FieldDefinition f = keyword(r.field());
        yield Query.of(q -> q.regexp(x -> x.field(name(f)).value(r.pattern())));
      }
      case EventQuery.CidrMatch c -> cidr(field(c.field()), c.cidr());
      case EventQuery.Range r -> range(field(r.field()), r);
      case EventQuery.Exists e -> {
        String n = name(field(e.field()));
        yield Query.of(q -> q.exists(x -> x.field(n)));
      }
      case EventQuery.Text t -> text(field(t.field()), t.text(), t.phrase());
      case EventQuery.Bool b -> bool(b);
    };
  }

  private Query bool(EventQuery.Bool b) {
    List<Query> filter = new ArrayList<>();
    b.must().forEach(q -> filter.add(translateExpanded(q)));
    List<Query> should = new ArrayList<>();
    b.should().forEach(q -> should.add(translateExpanded(q)));
    List<Query> mustNot = new ArrayList<>();
    b.mustNot().forEach(q -> mustNot.add(translateExpanded(q)));
    if (b.must().isEmpty() && b.should().isEmpty()) {
      filter.add(Query.of(q -> q.matchAll(a -> a)));
    }
    return Query.of(
        q ->
            q.bool(
                x -> {
                  x.filter(filter).should(should).mustNot(mustNot);
                  if (!should.isEmpty()) {
                    x.minimumShouldMatch(Integer.toString(Math.max(1, b.minimumShould())));
                  }
                  return x;
                }));
  }

  private Query term(FieldDefinition f, String value) {
    String n = name(f);
    return switch (f.type()) {
      case KEYWORD ->
          Query.of(q -> q.term(t -> t.field(n).value(FieldValue.of(QueryValues.norm(f, value)))));
      case BOOLEAN -> Query.of(q -> q.term(t -> t.field(n).value(FieldValue.of(value))));
      case TEXT -> text(f, value, true);
      case LONG, DATE -> {
        long v = QueryValues.parseLong(f, value);
        yield Query.of(q -> q.term(t -> t.field(n).value(FieldValue.of(v))));
      }
      case IP -> {
        String ip = IpAddresses.format(QueryValues.ip(f, value));
        yield Query.of(q -> q.term(t -> t.field(n).value(FieldValue.of(ip))));
      }
    };
  }

  private Query terms(FieldDefinition f, List<String> values) {
    if (values.isEmpty()) {
      return Query.of(q -> q.matchNone(m -> m));
    }
    String n = name(f);
    List<FieldValue> list =
        switch (f.type()) {
          case KEYWORD -> values.stream().map(v -> FieldValue.of(QueryValues.norm(f, v))).toList();
          case BOOLEAN -> values.stream().map(FieldValue::of).toList();
          case LONG, DATE ->
              values.stream().map(v -> FieldValue.of(QueryValues.parseLong(f, v))).toList();
          case IP ->
              values.stream()
                  .map(v -> FieldValue.of(IpAddresses.format(QueryValues.ip(f, v))))
                  .toList();
          case TEXT -> null;
        };
    if (list == null) {
      List<Query> phrases = values.stream().map(v -> text(f, v, true)).toList();
      return Query.of(q -> q.bool(b -> b.should(phrases).minimumShouldMatch("1")));
    }
    return Query.of(q -> q.terms(t -> t.field(n).terms(v -> v.value(list))));
  }

  private Query suffix(FieldDefinition f, String suffix) {
    requireKeyword(f);
    String s = QueryValues.norm(f, suffix);
    if (f.suffixSearchable()) {
      // The reversed sub-field turns the suffix into a prefix: a walk of the terms dictionary.
      String reversed = new StringBuilder(s).reverse().toString();
      String n = OpenSearchFields.reversedName(f);
      return Query.of(q -> q.prefix(p -> p.field(n).value(reversed)));
    }
    String n = name(f);
    return Query.of(q -> q.wildcard(w -> w.field(n).value("*" + QueryValues.escapeWildcard(s))));
  }

  private Query cidr(FieldDefinition f, String text) {
    if (f.type() != FieldType.IP) {
      throw new IllegalArgumentException(f.name() + " is not an ip field; cidr needs one");
    }
    Cidr c =
        Cidr.parse(text)
            .orElseThrow(() -> new IllegalArgumentException("not a CIDR network: " + text));
    String network = IpAddresses.format(c.address()) + "/" + c.prefixLength();
    String n = name(f);
    return Query.of(q -> q.term(t -> t.field(n).value(FieldValue.of(network))));
  }

  private Query range(FieldDefinition f, EventQuery.Range r) {
    String n = name(f);
    switch (f.type()) {
      case LONG, DATE -> {
        long lo = r.lower() == null ? Long.MIN_VALUE : QueryValues.parseLong(f, r.lower());
        long hi = r.upper() == null ? Long.MAX_VALUE : QueryValues.parseLong(f, r.upper());
        if (r.lower() != null && !r.includeLower()) {
          if (lo == Long.MAX_VALUE) {
            return Query.of(q -> q.matchNone(m -> m));
          }
          lo++;
        }
        if (r.upper() != null && !r.includeUpper()) {
          if (hi == Long.MIN_VALUE) {
            return Query.of(q -> q.matchNone(m -> m));
          }
          hi--;
        }
        if (lo > hi) {
          return Query.of(q -> q.matchNone(m -> m));
        }
        long from = lo;
        long to = hi;
        boolean date = f.type() == FieldType.DATE;
        return Query.of(
            q ->
                q.range(
                    x -> {
                      RangeQuery.Builder b = x.field(n);
                      if (r.lower() != null) {
                        b.gte(JsonData.of(from));
                      }
                      if (r.upper() != null) {
                        b.lte(JsonData.of(to));
                      }
                      if (date) {
                        b.format("epoch_millis");
                      }
                      return b;
                    }));
      }
      case IP -> {
        InetAddress lo = r.lower() == null ? null : QueryValues.ip(f, r.lower());
        InetAddress hi = r.upper() == null ? null : QueryValues.ip(f, r.upper());
        boolean v6 =
            (lo != null && lo.getAddress().length == 16)
                || (hi != null && hi.getAddress().length == 16);
        // As the local index: an open bound stays within the address family of the other one.
        String from = lo == null ? (v6 ? "::" : "0.0.0.0") : IpAddresses.format(lo);
        String to =
            hi == null
                ? (v6 ? "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" : "255.255.255.255")
                : IpAddresses.format(hi);
        boolean fromIncluded = lo == null || r.includeLower();
        boolean toIncluded = hi == null || r.includeUpper();
        return Query.of(
            q ->
                q.range(
                    x -> {
                      RangeQuery.Builder b = x.field(n);
                      if (fromIncluded) {
                        b.gte(JsonData.of(from));
                      } else {
                        b.gt(JsonData.of(from));
                      }
                      if (toIncluded) {
                        b.lte(JsonData.of(to));
                      } else {
                        b.lt(JsonData.of(to));
                      }
                      return b;
                    }));
      }
      case KEYWORD -> {
        String from = r.lower() == null ? null : QueryValues.norm(f, r.lower());
        String to = r.upper() == null ? null : QueryValues.norm(f, r.upper());
        return Query.of(
            q ->
                q.range(
                    x -> {
                      RangeQuery.Builder b = x.field(n);
                      if (from != null) {
                        if (r.includeLower()) {
                          b.gte(JsonData.of(from));
                        } else {
                          b.gt(JsonData.of(from));
                        }
                      }
                      if (to != null) {
                        if (r.includeUpper()) {
                          b.lte(JsonData.of(to));
                        } else {
                          b.lt(JsonData.of(to));
                        }
                      }
                      return b;
                    }));
      }
      default -> throw new IllegalArgumentException(f.name() + " has no ranges");
    }
  }

  private static Query text(FieldDefinition f, String value, boolean phrase) {
    String n = name(f);
    if (phrase) {
      return Query.of(q -> q.matchPhrase(m -> m.field(n).query(value)));
    }
    return Query.of(
        q -> q.match(m -> m.field(n).query(FieldValue.of(value)).operator(Operator.And)));
  }

  private static FieldDefinition keyword(String name) {
    FieldDefinition f = field(name);
    requireKeyword(f);
    return f;
  }

  private static void requireKeyword(FieldDefinition f) {
    if (f.type() != FieldType.KEYWORD) {
      throw new IllegalArgumentException(
          f.name() + " is a " + f.type().label() + " field; patterns need a keyword field");
    }
  }

  private static FieldDefinition field(String name) {
    return Fields.get(name);
  }

  private static String name(FieldDefinition f) {
    return OpenSearchFields.indexName(f.name());
  }
}
