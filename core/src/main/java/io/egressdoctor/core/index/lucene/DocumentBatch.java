package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventBinary;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.util.ArrayUtil;

/**
 * Documents gathered column by column, to be written as one segment.
 *
 * <p>Lucene's own indexing chain hashes every term of every field of every document twice (terms
 * and doc values) through generic per-field machinery; for log events with some thirty short fields
 * that is most of the cost of ingest. Here each field's values go into a dictionary and a column of
 * (document, term) pairs, and {@link #toReader} presents the batch to Lucene as a segment, which
 * {@code IndexWriter.addIndexes} writes through the codec like a merge. The index shapes are
 * exactly those of {@link LuceneDocuments}: a search cannot tell the two apart.
 *
 * <p>Not thread-safe: one batch per indexing thread.
 */
final class DocumentBatch {

  private final Analyzer analyzer;
  private final Map<String, Column> columns = new HashMap<>();
  private final Map<String, Slot> slots = new HashMap<>();
  private final EventBinary.Buffer encoded = new EventBinary.Buffer(1024);
  private final KeywordColumn ids = new KeywordColumn(LuceneDocuments.ID, true, false, true);
  private byte[] sources = new byte[1 << 16];
  private int[] sourceEnds = new int[1024];
  private int sourceBytes;
  private int docs;
  private long termBytes;

  DocumentBatch(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** How many documents the batch holds. */
  int size() {
    return docs;
  }

  /** A rough count of the heap the batch holds, to decide when to write it. */
  long ramBytesUsed() {
    long pairs = 0;
    for (Column c : columns.values()) {
      pairs += c.ramBytesUsed();
    }
    return sourceBytes + 4L * docs + pairs + ids.ramBytesUsed() + termBytes;
  }

  /** Adds one event under its id. */
  void add(String id, Event event) {
    int doc = docs++;
    termBytes += ids.add(doc, id);
    encoded.reset();
    EventBinary.encode(event, encoded);
    appendSource(encoded.bytes(), encoded.length());
    keyword(doc, Fields.EVENT_DATASET, event.dataset());
    if (event.timestamp().isPresent()) {
      longs(Fields.TIMESTAMP.name()).add(doc, event.timestamp().getAsLong());
    }
    if (event.original() != null) {
      text(Fields.EVENT_ORIGINAL.name()).add(doc, event.original());
    }
    if (event.origin() instanceof Origin.FileLine f) {
      keyword(doc, Fields.LOG_FILE_PATH, f.path());
      longs(Fields.LOG_FILE_LINE.name()).add(doc, f.line());
    } else if (event.origin() instanceof Origin.Api a) {
      keyword(doc, Fields.ED_ORIGIN_API, a.display());
    }
    for (Map.Entry<String, Object> e : event.fields().entrySet()) {
      Slot slot = slots.computeIfAbsent(e.getKey(), this::slot);
      if (e.getValue() instanceof List<?> list) {
        for (Object v : list) {
          slot.add(doc, v);
        }
      } else {
        slot.add(doc, e.getValue());
      }
    }
  }

  /** The batch as a segment for {@code IndexWriter.addIndexes}; the batch must not change after. */
  CodecReader toReader() {
    List<Column> all = new ArrayList<>(columns.values());
    all.add(ids);
    return new BatchReader(docs, all, ids, sources, sourceEnds);
  }

  private void appendSource(byte[] bytes, int length) {
    if (sourceBytes + length > sources.length) {
      sources = ArrayUtil.grow(sources, sourceBytes + length);
    }
    System.arraycopy(bytes, 0, sources, sourceBytes, length);
    sourceBytes += length;
    if (docs > sourceEnds.length) {
      sourceEnds = ArrayUtil.grow(sourceEnds, docs);
    }
    sourceEnds[docs - 1] = sourceBytes;
  }

  private void keyword(int doc, FieldDefinition field, String value) {
    String v = LuceneDocuments.keywordValue(value);
    termBytes += keywords(field.name(), true, true).add(doc, v);
    if (field.suffixSearchable()) {
      termBytes += keywords(field.reversedName(), true, false).add(doc, LuceneDocuments.reverse(v));
    }
  }

  private Slot slot(String name) {
    FieldDefinition field = Fields.get(name);
    return switch (field.type()) {
      case KEYWORD -> (doc, v) -> keyword(doc, field, v.toString());
      case BOOLEAN -> {
        KeywordColumn c = keywords(name, true, true);
        yield (doc, v) -> termBytes += c.add(doc, v.toString());
      }
      case LONG, DATE -> {
        LongColumn c = longs(name);
        yield (doc, v) -> c.add(doc, (Long) v);
      }
      case TEXT -> {
        TextColumn c = text(name);
        yield (doc, v) -> c.add(doc, v.toString());
      }
      case IP -> {
        IpColumn c = ips(name);
        yield (doc, v) -> termBytes += c.add(doc, v.toString());
      }
    };
  }

  private KeywordColumn keywords(String name, boolean postings, boolean docValues) {
    return (KeywordColumn)
        columns.computeIfAbsent(name, n -> new KeywordColumn(n, postings, docValues, false));
  }

  private LongColumn longs(String name) {
    return (LongColumn) columns.computeIfAbsent(name, LongColumn::new);
  }

  private IpColumn ips(String name) {
    return (IpColumn) columns.computeIfAbsent(name, IpColumn::new);
  }

  private TextColumn text(String name) {
    return (TextColumn) columns.computeIfAbsent(name, n -> new TextColumn(n, analyzer));
  }

  /** Adds one value of an event field to its column(s). */
  private interface Slot {
    void add(int doc, Object value);
  }

  /** One Lucene field of the batch: its shape and its values. */
  abstract static class Column {
    final String name;

    Column(String name) {
      this.name = name;
    }

    abstract long ramBytesUsed();
  }

  /**
   * Keyword values: a dictionary of distinct values and the (document, value) pairs in document
   * order, indexed as terms, as sorted-set doc values, or both.
   */
  static final class KeywordColumn extends Column {
    final boolean postings;
    final boolean docValues;
    final boolean unique;
    private final Map<String, Integer> dictionary;
    final List<String> terms = new ArrayList<>();
    int[] docs = new int[256];
    int[] termIds = new int[256];
    int pairs;

    KeywordColumn(String name, boolean postings, boolean docValues, boolean unique) {
      super(name);
      this.postings = postings;
      this.docValues = docValues;
      this.unique = unique;
      this.dictionary = unique ? null : new HashMap<>();
    }

    /** Adds a value; returns the bytes a new dictionary entry holds, or 0. */
    int add(int doc, String value) {
      int id;
      int added = 0;
      if (unique) {
        id = terms.size();
        terms.add(value);
        added = 2 * value.length() + 40;
      } else {
        Integer known = dictionary.get(value);
        if (known == null) {
          id = terms.size();
          dictionary.put(value, id);
          terms.add(value);
          added = 2 * value.length() + 90;
        } else {
          id = known;
        }
      }
      if (pairs == docs.length) {
        docs = ArrayUtil.grow(docs, pairs + 1);
        termIds = ArrayUtil.grow(termIds, pairs + 1);
      }
      docs[pairs] = doc;
      termIds[pairs] = id;
      pairs++;
      return added;
    }

    @Override
    long ramBytesUsed() {
      return 8L * docs.length;
    }
  }

  /** Long and date values: points and sorted-numeric doc values. */
  static final class LongColumn extends Column {
    int[] docs = new int[256];
    long[] values = new long[256];
    int count;

    LongColumn(String name) {
      super(name);
    }

    void add(int doc, long value) {
      if (count == docs.length) {
        int size = ArrayUtil.oversize(count + 1, Long.BYTES);
        docs = ArrayUtil.growExact(docs, size);
        values = ArrayUtil.growExact(values, size);
      }
      docs[count] = doc;
      values[count] = value;
      count++;
    }

    @Override
    long ramBytesUsed() {
      return 12L * docs.length;
    }
  }

  /** IP values: 16-byte points, and the canonical text as sorted-set doc values. */
  static final class IpColumn extends Column {
    final KeywordColumn text;
    int[] docs = new int[256];
    byte[] packed = new byte[256 * 16];
    int count;

    IpColumn(String name) {
      super(name);
      this.text = new KeywordColumn(name, false, true, false);
    }

    int add(int doc, String value) {
      if (count == docs.length) {
        docs = ArrayUtil.grow(docs, count + 1);
      }
      if ((count + 1) * 16 > packed.length) {
        packed = ArrayUtil.grow(packed, (count + 1) * 16);
      }
      if (!IpAddresses.encode16(value, packed, count * 16)) {
        // Values are canonical IPs by the time they reach the index; anything else is skipped,
        // as the document path skips it.
        return 0;
      }
      docs[count] = doc;
      count++;
      return text.add(doc, value);
    }

    @Override
    long ramBytesUsed() {
      return 20L * docs.length + text.ramBytesUsed();
    }
  }

  /** Analyzed text: the tokens of each value with their positions, and the length norms. */
  static final class TextColumn extends Column {
    final TextTokens tokens;

    TextColumn(String name, Analyzer analyzer) {
      super(name);
      this.tokens = new TextTokens(name, analyzer);
    }

    void add(int doc, String value) {
      try {
        tokens.add(doc, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    long ramBytesUsed() {
      return tokens.ramBytesUsed();
    }
  }
}
