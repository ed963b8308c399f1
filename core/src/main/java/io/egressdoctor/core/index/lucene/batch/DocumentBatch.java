package io.egressdoctor.core.index.lucene.batch;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventBinary;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.lucene.LuceneDocuments;
import io.egressdoctor.core.net.IpAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CodecReader;

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
public final class DocumentBatch {

  private final Analyzer analyzer;
  private final Map<String, Column> columns = new HashMap<>();
  private final Map<String, Slot> slots = new HashMap<>();
  private final Map<FieldDefinition, Slot> fixedSlots = new HashMap<>();
  private final EventBinary.Buffer encoded = new EventBinary.Buffer(1024);
  private final KeywordColumn ids = new KeywordColumn(LuceneDocuments.ID, true, false, true);
  private byte[] sources = new byte[1 << 16];
  private int[] sourceEnds = new int[1024];
  private int sourceBytes;
  private int docs;
  private long termBytes;

  /** An empty batch whose text fields are tokenized by this analyzer. */
  public DocumentBatch(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** How many documents the batch holds. */
  public int size() {
    return docs;
  }

  /**
   * A cheap estimate, fit to check after every event: the stored bytes (text fields' tokens take
   * about twice as much again) and the dictionaries. A few huge events fill a batch quickly.
   */
  public long quickBytes() {
    return 3L * sourceBytes + termBytes;
  }

  /** A rough count of the heap the batch holds, to decide when to write it. */
  public long ramBytesUsed() {
    long pairs = 0;
    for (Column c : columns.values()) {
      pairs += c.ramBytesUsed();
    }
    return sourceBytes + 4L * docs + pairs + ids.ramBytesUsed() + termBytes;
  }

  /** Adds one event under its id. */
  public void add(String id, Event event) {
    add(id, event, Map.of());
  }

  /**
   * Adds one event under its id, with some fields' values replaced as {@link
   * EventBinary#encode(Event, EventBinary.Buffer, Map)} does (the index's {@code related.*}).
   */
  public void add(String id, Event event, Map<String, List<Object>> replaced) {
    int doc = docs++;
    termBytes += ids.add(doc, id);
    encoded.reset();
    EventBinary.encode(event, encoded, replaced);
    appendSource(encoded.bytes(), encoded.length());
    fixed(Fields.EVENT_DATASET).add(doc, event.dataset());
    if (event.timestamp().isPresent()) {
      fixed(Fields.TIMESTAMP).add(doc, event.timestamp().getAsLong());
    }
    if (event.original() != null) {
      fixed(Fields.EVENT_ORIGINAL).add(doc, event.original());
    }
    if (event.origin() instanceof Origin.FileLine f) {
      fixed(Fields.LOG_FILE_PATH).add(doc, f.path());
      fixed(Fields.LOG_FILE_LINE).add(doc, f.line());
    } else if (event.origin() instanceof Origin.Api a) {
      fixed(Fields.ED_ORIGIN_API).add(doc, a.display());
    }
    for (Map.Entry<String, Object> e : event.fields().entrySet()) {
      Slot slot = slots.get(e.getKey());
      if (slot == null) {
        slot = slot(Fields.get(e.getKey()));
        slots.put(e.getKey(), slot);
      }
      Object value = e.getValue();
      if (!replaced.isEmpty() && replaced.containsKey(e.getKey())) {
        value = replaced.get(e.getKey());
      }
      if (value instanceof List<?> list) {
        for (Object v : list) {
          slot.add(doc, v);
        }
      } else {
        slot.add(doc, value);
      }
    }
  }

  /**
   * The batch as a segment for {@code IndexWriter.addIndexes}; the batch must not change until the
   * reader is done with, and then only through {@link #clear}.
   */
  public CodecReader toReader() {
    List<Column> all = new ArrayList<>();
    for (Column c : columns.values()) {
      // A column only earlier batches used has no values here, and no place in this segment.
      if (!c.isEmpty()) {
        all.add(c);
      }
    }
    all.add(ids);
    return new BatchReader(docs, all, ids, sources, sourceEnds);
  }

  /**
   * Empties the batch for the next one. Its arrays keep their size, so a long ingest does not
   * allocate every batch's columns anew.
   */
  public void clear() {
    docs = 0;
    sourceBytes = 0;
    termBytes = 0;
    ids.clear();
    for (Column c : columns.values()) {
      c.clear();
    }
  }

  private void appendSource(byte[] bytes, int length) {
    if (sourceBytes + length > sources.length) {
      sources = Arrays.copyOf(sources, grown(sources.length, sourceBytes + length));
    }
    System.arraycopy(bytes, 0, sources, sourceBytes, length);
    sourceBytes += length;
    if (docs > sourceEnds.length) {
      sourceEnds = Arrays.copyOf(sourceEnds, grown(sourceEnds.length, docs));
    }
    sourceEnds[docs - 1] = sourceBytes;
  }

  /** The slot of a field every event may carry outside its field map (dataset, origin...). */
  private Slot fixed(FieldDefinition field) {
    Slot slot = fixedSlots.get(field);
    if (slot == null) {
      slot = slot(field);
      fixedSlots.put(field, slot);
    }
    return slot;
  }

  private Slot slot(FieldDefinition field) {
    String name = field.name();
    boolean docValues = field.aggregatable();
    return switch (field.type()) {
      case KEYWORD -> {
        KeywordColumn c = keywords(name, true, docValues);
        if (!field.suffixSearchable()) {
          yield (doc, v) -> termBytes += c.add(doc, LuceneDocuments.keywordValue(v.toString()));
        }
        KeywordColumn reversed = keywords(field.reversedName(), true, false);
        yield (doc, v) -> {
          String value = LuceneDocuments.keywordValue(v.toString());
          int known = c.size();
          termBytes += c.add(doc, value);
          int id = c.lastId();
          // A value seen before was reversed before: reuse its reversed term.
          if (id < known) {
            reversed.addKnown(doc, c.reversedId(id));
          } else {
            termBytes += reversed.add(doc, LuceneDocuments.reverse(value));
            c.rememberReversed(id, reversed.lastId());
          }
        };
      }
      case BOOLEAN -> {
        KeywordColumn c = keywords(name, true, docValues);
        yield (doc, v) -> termBytes += c.add(doc, v.toString());
      }
      case LONG, DATE -> {
        LongColumn c = longs(name, docValues);
        yield (doc, v) -> c.add(doc, (Long) v);
      }
      case TEXT -> {
        TextColumn c = text(name);
        yield (doc, v) -> c.add(doc, v.toString());
      }
      case IP -> {
        IpColumn c = ips(name, docValues);
        yield (doc, v) -> termBytes += c.add(doc, v.toString());
      }
    };
  }

  private KeywordColumn keywords(String name, boolean postings, boolean docValues) {
    return (KeywordColumn)
        columns.computeIfAbsent(name, n -> new KeywordColumn(n, postings, docValues, false));
  }

  private LongColumn longs(String name, boolean docValues) {
    return (LongColumn) columns.computeIfAbsent(name, n -> new LongColumn(n, docValues));
  }

  private IpColumn ips(String name, boolean docValues) {
    return (IpColumn) columns.computeIfAbsent(name, n -> new IpColumn(n, docValues));
  }

  private TextColumn text(String name) {
    return (TextColumn) columns.computeIfAbsent(name, n -> new TextColumn(n, analyzer));
  }

  /**
   * The capacity to grow an array to: double, for arrays that reach millions of entries in a batch
   * and would otherwise be copied again and again (each copy a new huge object for the collector).
   */
  public static int grown(int length, int needed) {
    long doubled = Math.max(16L, 2L * length);
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, doubled));
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

    abstract boolean isEmpty();

    abstract void clear();
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

    private int lastId;
    private String lastValue;
    private int[] reversedIds;

    /** Adds a value; returns the bytes a new dictionary entry holds, or 0. */
    int add(int doc, String value) {
      int added = 0;
      if (unique) {
        lastId = terms.size();
        terms.add(value);
        added = 2 * value.length() + 40;
      } else if (value == lastValue) {
        // The same instance as the last value (a parser's constant, a file's path): no hashing.
        addKnown(doc, lastId);
        return 0;
      } else {
        Integer known = dictionary.get(value);
        if (known == null) {
          lastId = terms.size();
          dictionary.put(value, lastId);
          terms.add(value);
          added = 2 * value.length() + 90;
        } else {
          lastId = known;
        }
        lastValue = value;
      }
      addKnown(doc, lastId);
      return added;
    }

    /** Adds a pair for a value already in the dictionary. */
    void addKnown(int doc, int id) {
      if (pairs == docs.length) {
        docs = Arrays.copyOf(docs, grown(docs.length, pairs + 1));
        termIds = Arrays.copyOf(termIds, docs.length);
      }
      docs[pairs] = doc;
      termIds[pairs] = id;
      pairs++;
    }

    @Override
    boolean isEmpty() {
      return pairs == 0;
    }

    @Override
    void clear() {
      if (dictionary != null) {
        dictionary.clear();
      }
      terms.clear();
      pairs = 0;
      lastId = 0;
      lastValue = null;
    }

    /** The dictionary id of a value, or -1 when it is new. */
    int find(String value) {
      Integer known = dictionary.get(value);
      return known == null ? -1 : known;
    }

    /** How many distinct values the dictionary holds. */
    int size() {
      return terms.size();
    }

    /** The dictionary id of the value added last. */
    int lastId() {
      return lastId;
    }

    int reversedId(int id) {
      return reversedIds[id];
    }

    void rememberReversed(int id, int reversedId) {
      if (reversedIds == null || id >= reversedIds.length) {
        reversedIds =
            Arrays.copyOf(
                reversedIds == null ? new int[16] : reversedIds,
                grown(reversedIds == null ? 16 : reversedIds.length, id + 1));
      }
      reversedIds[id] = reversedId;
    }

    @Override
    long ramBytesUsed() {
      return 8L * docs.length;
    }
  }

  /** Long and date values: points, and sorted-numeric doc values when aggregatable. */
  static final class LongColumn extends Column {
    final boolean docValues;
    int[] docs = new int[256];
    long[] values = new long[256];
    int count;

    LongColumn(String name, boolean docValues) {
      super(name);
      this.docValues = docValues;
    }

    @Override
    boolean isEmpty() {
      return count == 0;
    }

    @Override
    void clear() {
      count = 0;
    }

    void add(int doc, long value) {
      if (count == docs.length) {
        int size = grown(docs.length, count + 1);
        docs = Arrays.copyOf(docs, size);
        values = Arrays.copyOf(values, size);
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

  /**
   * IP values: 16-byte points, and the canonical text as sorted-set doc values when aggregatable.
   * The text dictionary also spares parsing an address seen before.
   */
  static final class IpColumn extends Column {
    final boolean docValues;
    final KeywordColumn text;
    int[] docs = new int[256];
    byte[] packed = new byte[256 * 16];
    int count;

    IpColumn(String name, boolean docValues) {
      super(name);
      this.docValues = docValues;
      this.text = new KeywordColumn(name, false, docValues, false);
    }

    @Override
    boolean isEmpty() {
      return count == 0;
    }

    @Override
    void clear() {
      count = 0;
      text.clear();
    }

    private byte[] packedById = new byte[64 * 16];

    int add(int doc, String value) {
      int id = text.find(value);
      int added = 0;
      if (id < 0) {
        id = text.size();
        if ((id + 1) * 16 > packedById.length) {
          packedById = Arrays.copyOf(packedById, grown(packedById.length, (id + 1) * 16));
        }
        if (!IpAddresses.encode16(value, packedById, id * 16)) {
          // Events hold canonical IPs; the document path skips anything else, and so does this.
          return 0;
        }
        added = text.add(doc, value);
      } else {
        text.addKnown(doc, id);
      }
      if (count == docs.length) {
        docs = Arrays.copyOf(docs, grown(docs.length, count + 1));
      }
      if ((count + 1) * 16 > packed.length) {
        packed = Arrays.copyOf(packed, grown(packed.length, (count + 1) * 16));
      }
      System.arraycopy(packedById, id * 16, packed, count * 16, 16);
      docs[count] = doc;
      count++;
      return added;
    }

    @Override
    long ramBytesUsed() {
      return 20L * docs.length + text.ramBytesUsed();
    }
  }

  /** Analyzed text: the distinct tokens of each document, without positions or norms. */
  static final class TextColumn extends Column {
    final TextTokens tokens;

    TextColumn(String name, Analyzer analyzer) {
      super(name);
      this.tokens = new TextTokens(name, analyzer);
    }

    @Override
    boolean isEmpty() {
      return tokens.isEmpty();
    }

    @Override
    void clear() {
      tokens.clear();
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
