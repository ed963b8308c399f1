package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.QueryValues;
import io.egressdoctor.core.query.RelatedQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/** Translates the backend-neutral {@link EventQuery} into Lucene queries, by field type. */
final class LuceneQueries {

  private final Analyzer analyzer;
  private final QueryBuilder text;

  LuceneQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.text = new QueryBuilder(analyzer);
  }

  /** The Lucene query; clauses on {@code related.*} ask the fields they collect too. */
  Query translate(EventQuery query) {
    return translateExpanded(RelatedQueries.expand(query));
  }

  private Query translateExpanded(EventQuery query) {
    return switch (query) {
      case EventQuery.MatchAll m -> new MatchAllDocsQuery();
      case EventQuery.Term t -> term(field(t.field()), t.value());
      case EventQuery.Terms t -> terms(field(t.field()), t.values());
      case EventQuery.Prefix p ->
          keyword(
              p.field(), f -> new PrefixQuery(new Term(f.name(), QueryValues.norm(f, p.prefix()))));
      case EventQuery.Suffix s -> suffix(field(s.field()), s.suffix());
      case EventQuery.Wildcard w ->
          keyword(
              w.field(),
              f -> new WildcardQuery(new Term(f.name(), QueryValues.norm(f, w.pattern()))));
      case EventQuery.Regex r ->
          keyword(r.field(), f -> new RegexpQuery(new Term(f.name(), r.pattern())));
      case EventQuery.CidrMatch c -> cidr(field(c.field()), c.cidr());
      case EventQuery.Range r -> range(field(r.field()), r);
      case EventQuery.Exists e -> exists(field(e.field()));
      case EventQuery.Text t -> text(field(t.field()), t.text(), t.phrase());
      case EventQuery.Bool b -> bool(b);
    };
  }

  private Query bool(EventQuery.Bool b) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (EventQuery q : b.must()) {
      builder.add(translateExpanded(q), Occur.FILTER);
    }
    for (EventQuery q : b.should()) {
      builder.add(translateExpanded(q), Occur.SHOULD);
    }
    for (EventQuery q : b.mustNot()) {
      builder.add(translateExpanded(q), Occur.MUST_NOT);
    }
    if (!b.should().isEmpty()) {
      builder.setMinimumNumberShouldMatch(Math.max(1, b.minimumShould()));
    }
    if (b.must().isEmpty() && b.should().isEmpty()) {
      builder.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return builder.build();
  }

  private Query term(FieldDefinition f, String value) {
    return switch (f.type()) {
      case KEYWORD, BOOLEAN -> new TermQuery(new Term(f.name(), QueryValues.norm(f, value)));
      case TEXT -> text(f, value, true);
      case LONG, DATE -> {
        long v = QueryValues.parseLong(f, value);
        yield longRange(f, v, v);
      }
      case IP -> InetAddressPoint.newExactQuery(f.name(), QueryValues.ip(f, value));
    };
  }

  private Query terms(FieldDefinition f, List<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    return switch (f.type()) {
      case KEYWORD, BOOLEAN ->
          new TermInSetQuery(
              f.name(), values.stream().map(v -> new BytesRef(QueryValues.norm(f, v))).toList());
      case LONG, DATE ->
          longSet(f, values.stream().mapToLong(v -> QueryValues.parseLong(f, v)).toArray());
      case IP ->
          InetAddressPoint.newSetQuery(
              f.name(), values.stream().map(v -> QueryValues.ip(f, v)).toArray(InetAddress[]::new));
      case TEXT -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.forEach(v -> b.add(text(f, v, true), Occur.SHOULD));
        yield b.build();
      }
    };
  }

  /**
   * Doc values answer "has a value" directly; a field without them is asked for any term or any
   * point: a walk of its terms, or of the top of its points' tree.
   */
  private static Query exists(FieldDefinition f) {
    if (f.aggregatable() && f.type() != FieldType.TEXT) {
      return new FieldExistsQuery(f.name());
    }
    return switch (f.type()) {
      case KEYWORD, BOOLEAN, TEXT -> new TermRangeQuery(f.name(), null, null, true, true);
      case LONG, DATE -> longRange(f, Long.MIN_VALUE, Long.MAX_VALUE);
      case IP ->
          InetAddressPoint.newRangeQuery(
              f.name(), InetAddressPoint.MIN_VALUE, InetAddressPoint.MAX_VALUE);
    };
  }

  /**
   * A range over a long field: with doc values, Lucene picks points or doc values per segment;
   * without, points alone (a doc-values range over no doc values would find nothing).
   */
  private static Query longRange(FieldDefinition f, long lo, long hi) {
    return f.aggregatable()
        ? LongField.newRangeQuery(f.name(), lo, hi)
        : LongPoint.newRangeQuery(f.name(), lo, hi);
  }

  private static Query longSet(FieldDefinition f, long[] values) {
    return f.aggregatable()
        ? LongField.newSetQuery(f.name(), values)
        : LongPoint.newSetQuery(f.name(), values);
  }

  private Query suffix(FieldDefinition f, String suffix) {
    requireKeyword(f);
    String s = QueryValues.norm(f, suffix);
    if (f.suffixSearchable()) {
      // The reversed copy turns the suffix into a prefix: a walk of the terms dictionary.
      return new PrefixQuery(new Term(f.reversedName(), LuceneDocuments.reverse(s)));
    }
    return new WildcardQuery(new Term(f.name(), "*" + QueryValues.escapeWildcard(s)));
  }

  private Query cidr(FieldDefinition f, String text) {
    if (f.type() != FieldType.IP) {
      throw new IllegalArgumentException(f.name() + " is not an ip field; cidr needs one");
    }
    Cidr c =
        Cidr.parse(text)
            .orElseThrow(() -> new IllegalArgumentException("not a CIDR network: " + text));
    return InetAddressPoint.newPrefixQuery(f.name(), c.address(), c.prefixLength());
  }

  private Query range(FieldDefinition f, EventQuery.Range r) {
    switch (f.type()) {
      case LONG, DATE -> {
        long lo = r.lower() == null ? Long.MIN_VALUE : QueryValues.parseLong(f, r.lower());
        long hi = r.upper() == null ? Long.MAX_VALUE : QueryValues.parseLong(f, r.upper());
        if (r.lower() != null && !r.includeLower()) {
          if (lo == Long.MAX_VALUE) {
            return new MatchNoDocsQuery();
          }
          lo++;
        }
        if (r.upper() != null && !r.includeUpper()) {
          if (hi == Long.MIN_VALUE) {
            return new MatchNoDocsQuery();
          }
          hi--;
        }
        return longRange(f, lo, hi);
      }
      case IP -> {
        InetAddress lo = r.lower() == null ? null : QueryValues.ip(f, r.lower());
        InetAddress hi = r.upper() == null ? null : QueryValues.ip(f, r.upper());
        boolean v6 =
            (lo != null && lo.getAddress().length == 16)
                || (hi != null && hi.getAddress().length == 16);
        if (lo == null) {
          lo = v6 ? InetAddressPoint.MIN_VALUE : QueryValues.ip(f, "0.0.0.0");
        } else if (!r.includeLower()) {
          lo = InetAddressPoint.nextUp(lo);
        }
        if (hi == null) {
          hi = v6 ? InetAddressPoint.MAX_VALUE : QueryValues.ip(f, "255.255.255.255");
        } else if (!r.includeUpper()) {
          hi = InetAddressPoint.nextDown(hi);
        }
        return InetAddressPoint.newRangeQuery(f.name(), lo, hi);
      }
      case KEYWORD -> {
        return TermRangeQuery.newStringRange(
            f.name(),
            r.lower() == null ? null : QueryValues.norm(f, r.lower()),
            r.upper() == null ? null : QueryValues.norm(f, r.upper()),
            r.includeLower(),
            r.includeUpper());
      }
      default -> throw new IllegalArgumentException(f.name() + " has no ranges");
    }
  }

  private Query text(FieldDefinition f, String value, boolean phrase) {
    if (phrase) {
      return phrase(f, value);
    }
    Query q = text.createBooleanQuery(f.name(), value, Occur.MUST);
    if (q == null) {
      return new MatchNoDocsQuery("no words in '" + value + "'");
    }
    return q;
  }

  /**
   * Text fields keep no positions: a phrase is the documents with all its words, checked against
   * the stored event by {@link StoredPhraseQuery}. One word needs no check.
   */
  private Query phrase(FieldDefinition f, String value) {
    List<String> words = words(f.name(), value);
    if (words.isEmpty()) {
      return new MatchNoDocsQuery("no words in '" + value + "'");
    }
    if (words.size() == 1) {
      return new TermQuery(new Term(f.name(), words.get(0)));
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    words.stream()
        .distinct()
        .forEach(w -> all.add(new TermQuery(new Term(f.name(), w)), Occur.FILTER));
    return new StoredPhraseQuery(f.name(), words, all.build(), analyzer);
  }

  private List<String> words(String field, String value) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, value)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private interface KeywordQuery {
    Query build(FieldDefinition f);
  }

  private static Query keyword(String name, KeywordQuery builder) {
    FieldDefinition f = field(name);
    requireKeyword(f);
    return builder.build(f);
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
}
