package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.index.lucene.DocumentBatch.Column;
import io.egressdoctor.core.index.lucene.DocumentBatch.IpColumn;
import io.egressdoctor.core.index.lucene.DocumentBatch.KeywordColumn;
import io.egressdoctor.core.index.lucene.DocumentBatch.LongColumn;
import io.egressdoctor.core.index.lucene.DocumentBatch.TextColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PointsReader;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.TermVectorsReader;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DocValuesSkipIndexType;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldDataInput;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.NumericUtils;
import org.apache.lucene.util.Version;

/**
 * A {@link DocumentBatch} seen as a Lucene segment: field infos, postings, doc values, points, and
 * stored fields over the batch's columns, enough for {@code IndexWriter.addIndexes} to write it
 * through the codec. Everything is computed once here; the views are read-only.
 */
final class BatchReader extends CodecReader {

  private static final IndexableFieldType KEYWORD =
      new KeywordField("k", "k", Field.Store.NO).fieldType();
  private static final IndexableFieldType LONG = new LongField("l", 0L, Field.Store.NO).fieldType();
  private static final IndexableFieldType LONG_POINT = new LongPoint("l", 0L).fieldType();
  private static final IndexableFieldType IP_POINT =
      new InetAddressPoint("i", InetAddressPoint.MIN_VALUE).fieldType();

  private final int maxDoc;
  private final FieldInfos fieldInfos;
  private final Map<String, PostingsSource> postings = new TreeMap<>();
  private final Map<String, SortedSetSource> sortedSets = new TreeMap<>();
  private final Map<String, LongValues> longs = new TreeMap<>();
  private final Map<String, IpValues> ips = new TreeMap<>();
  private final BatchStoredFields stored;

  BatchReader(
      int maxDoc, List<Column> columns, KeywordColumn ids, byte[] sources, int[] sourceEnds) {
    this.maxDoc = maxDoc;
    List<FieldInfo> infos = new ArrayList<>();
    for (Column c : columns) {
      int number = infos.size();
      switch (c) {
        case KeywordColumn k -> {
          FrozenTerms terms = FrozenTerms.of(k.terms, k.termIds, k.docs, k.pairs, k.unique);
          IndexableFieldType type =
              k.postings && k.docValues
                  ? KEYWORD
                  : k.postings
                      ? (k == ids ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
                      : SortedSetDocValuesField.TYPE;
          infos.add(info(k.name, number, type, null));
          if (k.postings) {
            postings.put(k.name, PostingsSource.docsOnly(terms));
          }
          if (k.docValues) {
            sortedSets.put(k.name, new SortedSetSource(terms));
          }
        }
        case LongColumn l -> {
          infos.add(info(l.name, number, l.docValues ? LONG : LONG_POINT, null));
          longs.put(l.name, new LongValues(l.docs, l.values, l.count));
        }
        case IpColumn i -> {
          infos.add(
              info(i.name, number, IP_POINT, i.docValues ? SortedSetDocValuesField.TYPE : null));
          ips.put(i.name, new IpValues(i.docs, i.packed, i.count));
          if (i.docValues) {
            KeywordColumn t = i.text;
            sortedSets.put(
                i.name,
                new SortedSetSource(FrozenTerms.of(t.terms, t.termIds, t.docs, t.pairs, false)));
          }
        }
        case TextColumn t -> {
          infos.add(info(t.name, number, LuceneDocuments.TEXT, null));
          postings.put(t.name, PostingsSource.docsOnly(t.tokens));
        }
        default -> throw new IllegalStateException("unknown column " + c);
      }
    }
    FieldInfo source = info(LuceneDocuments.SOURCE, infos.size(), StoredField.TYPE, null);
    infos.add(source);
    this.fieldInfos = new FieldInfos(infos.toArray(FieldInfo[]::new));
    this.stored =
        new BatchStoredFields(
            fieldInfos.fieldInfo(LuceneDocuments.ID), ids.terms, source, sources, sourceEnds);
  }

  /** The field info the indexing chain gives a field of these Lucene field types. */
  private static FieldInfo info(
      String name, int number, IndexableFieldType main, IndexableFieldType extra) {
    IndexableFieldType[] types =
        extra == null ? new IndexableFieldType[] {main} : new IndexableFieldType[] {main, extra};
    IndexOptions index = IndexOptions.NONE;
    boolean omitNorms = false;
    DocValuesType dv = DocValuesType.NONE;
    DocValuesSkipIndexType skip = DocValuesSkipIndexType.NONE;
    int dims = 0;
    int indexDims = 0;
    int bytes = 0;
    for (IndexableFieldType t : types) {
      if (t.indexOptions() != IndexOptions.NONE) {
        index = t.indexOptions();
        omitNorms = t.omitNorms();
      }
      if (t.docValuesType() != DocValuesType.NONE) {
        dv = t.docValuesType();
        skip = t.docValuesSkipIndexType();
      }
      if (t.pointDimensionCount() > 0) {
        dims = t.pointDimensionCount();
        indexDims = t.pointIndexDimensionCount();
        bytes = t.pointNumBytes();
      }
    }
    return new FieldInfo(
        name,
        number,
        false,
        omitNorms,
        false,
        index,
        dv,
        skip,
        -1,
        Map.of(),
        dims,
        indexDims,
        bytes,
        0,
        VectorEncoding.FLOAT32,
        VectorSimilarityFunction.EUCLIDEAN,
        false,
        false);
  }

  @Override
  public StoredFieldsReader getFieldsReader() {
    return stored;
  }

  @Override
  public TermVectorsReader getTermVectorsReader() {
    return null;
  }

  @Override
  public NormsProducer getNormsReader() {
    // No field has norms: keywords omit them and text is indexed with documents only.
    return null;
  }

  @Override
  public DocValuesProducer getDocValuesReader() {
    return new BatchDocValues();
  }

  @Override
  public FieldsProducer getPostingsReader() {
    return new BatchPostings();
  }

  @Override
  public PointsReader getPointsReader() {
    return longs.isEmpty() && ips.isEmpty() ? null : new BatchPoints();
  }

  @Override
  public KnnVectorsReader getVectorReader() {
    return null;
  }

  @Override
  public FieldInfos getFieldInfos() {
    return fieldInfos;
  }

  @Override
  public Bits getLiveDocs() {
    return null;
  }

  @Override
  public LeafMetaData getMetaData() {
    return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
  }

  @Override
  public int numDocs() {
    return maxDoc;
  }

  @Override
  public int maxDoc() {
    return maxDoc;
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null;
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  protected void doClose() {}

  @Override
  public void checkIntegrity() {}

  /**
   * Distinct terms in byte order, with each pair's term as its rank in that order. Sorting goes
   * through Lucene's own radix sort of a {@link BytesRefHash}.
   */
  static final class FrozenTerms {
    final BytesRefHash bytes;
    final int[] idByRank;
    final int[] rankOf;
    final int[] docs;
    final int[] ranks;
    final int pairs;

    private FrozenTerms(
        BytesRefHash bytes, int[] idByRank, int[] rankOf, int[] docs, int[] ranks, int pairs) {
      this.bytes = bytes;
      this.idByRank = idByRank;
      this.rankOf = rankOf;
      this.docs = docs;
      this.ranks = ranks;
      this.pairs = pairs;
    }

    /** The terms of a dictionary that is final: sorting it leaves it fit only to be cleared. */
    static FrozenTerms of(BytesRefHash hash, int[] termIds, int[] docs, int pairs) {
      int[] sorted = Arrays.copyOf(hash.sort(), hash.size());
      int[] rankOf = new int[hash.size()];
      for (int r = 0; r < sorted.length; r++) {
        rankOf[sorted[r]] = r;
      }
      int[] ranks = new int[pairs];
      for (int p = 0; p < pairs; p++) {
        ranks[p] = rankOf[termIds[p]];
      }
      return new FrozenTerms(hash, sorted, rankOf, docs, ranks, pairs);
    }

    static FrozenTerms of(
        List<String> terms, int[] termIds, int[] docs, int pairs, boolean unique) {
      BytesRefHash hash = new BytesRefHash();
      int[] idOfTerm = new int[terms.size()];
      for (int i = 0; i < terms.size(); i++) {
        int id = hash.add(new BytesRef(terms.get(i)));
        // Distinct strings can be equal bytes only after truncation; keep the first.
        idOfTerm[i] = id < 0 ? -id - 1 : id;
      }
      int[] sorted = Arrays.copyOf(hash.sort(), hash.size());
      int[] rankOf = new int[hash.size()];
      for (int r = 0; r < sorted.length; r++) {
        rankOf[sorted[r]] = r;
      }
      int[] ranks = new int[pairs];
      for (int p = 0; p < pairs; p++) {
        ranks[p] = rankOf[idOfTerm[termIds[p]]];
      }
      return new FrozenTerms(hash, sorted, rankOf, docs, ranks, pairs);
    }

    int size() {
      return idByRank.length;
    }

    BytesRef term(int rank, BytesRef scratch) {
      return bytes.get(idByRank[rank], scratch);
    }
  }

  /** Stored fields: the id and the binary source of each document. */
  private static final class BatchStoredFields extends StoredFieldsReader {
    private final FieldInfo idInfo;
    private final List<String> ids;
    private final FieldInfo sourceInfo;
    private final byte[] sources;
    private final int[] ends;

    BatchStoredFields(
        FieldInfo idInfo, List<String> ids, FieldInfo sourceInfo, byte[] sources, int[] ends) {
      this.idInfo = idInfo;
      this.ids = ids;
      this.sourceInfo = sourceInfo;
      this.sources = sources;
      this.ends = ends;
    }

    @Override
    public void document(int docID, StoredFieldVisitor visitor) throws IOException {
      if (visitor.needsField(idInfo) == StoredFieldVisitor.Status.YES) {
        visitor.stringField(idInfo, ids.get(docID));
      }
      if (visitor.needsField(sourceInfo) == StoredFieldVisitor.Status.YES) {
        int start = docID == 0 ? 0 : ends[docID - 1];
        int length = ends[docID] - start;
        visitor.binaryField(
            sourceInfo,
            new StoredFieldDataInput(new ByteArrayDataInput(sources, start, length), length));
      }
    }

    @Override
    public StoredFieldsReader clone() {
      return this;
    }

    @Override
    public void checkIntegrity() {}

    @Override
    public void close() {}
  }

  private final class BatchPostings extends FieldsProducer {
    @Override
    public Iterator<String> iterator() {
      return postings.keySet().iterator();
    }

    @Override
    public Terms terms(String field) {
      PostingsSource p = postings.get(field);
      return p == null ? null : p.terms();
    }

    @Override
    public int size() {
      return postings.size();
    }

    @Override
    public void close() {}

    @Override
    public void checkIntegrity() {}
  }

  private final class BatchDocValues extends DocValuesProducer {
    @Override
    public NumericDocValues getNumeric(FieldInfo field) {
      throw new IllegalStateException(field.name + " has no numeric doc values");
    }

    @Override
    public BinaryDocValues getBinary(FieldInfo field) {
      throw new IllegalStateException(field.name + " has no binary doc values");
    }

    @Override
    public SortedDocValues getSorted(FieldInfo field) {
      throw new IllegalStateException(field.name + " has no sorted doc values");
    }

    @Override
    public SortedNumericDocValues getSortedNumeric(FieldInfo field) {
      return longs.get(field.name).docValues();
    }

    @Override
    public SortedSetDocValues getSortedSet(FieldInfo field) {
      return sortedSets.get(field.name).iterator();
    }

    @Override
    public DocValuesSkipper getSkipper(FieldInfo field) {
      return null;
    }

    @Override
    public void checkIntegrity() {}

    @Override
    public void close() {}
  }

  private final class BatchPoints extends PointsReader {
    @Override
    public PointValues getValues(String field) {
      LongValues l = longs.get(field);
      if (l != null) {
        return l.points();
      }
      IpValues i = ips.get(field);
      return i == null ? null : i.points();
    }

    @Override
    public void checkIntegrity() {}

    @Override
    public void close() {}
  }

  /** Long values as points and as sorted-numeric doc values. */
  static final class LongValues {
    private final int[] docs;
    private final long[] values;
    private final int count;
    private final int docCount;

    LongValues(int[] docs, long[] values, int count) {
      this.docs = docs;
      this.values = values;
      this.count = count;
      this.docCount = distinctDocs(docs, count);
      // Doc values want each document's values in order; a document rarely has more than one.
      sortWithinDocs(docs, values, count);
    }

    SortedNumericDocValues docValues() {
      DocRuns runs = new DocRuns(docs, count);
      return new SortedNumericDocValues() {
        private int next;

        @Override
        public long nextValue() {
          return values[next++];
        }

        @Override
        public int docValueCount() {
          return runs.end() - runs.start();
        }

        @Override
        public boolean advanceExact(int target) {
          boolean found = runs.advanceExact(target);
          next = runs.start();
          return found;
        }

        @Override
        public int docID() {
          return runs.docID();
        }

        @Override
        public int nextDoc() {
          int doc = runs.nextDoc();
          next = runs.start();
          return doc;
        }

        @Override
        public int advance(int target) {
          int doc = runs.advance(target);
          next = runs.start();
          return doc;
        }

        @Override
        public long cost() {
          return docCount;
        }
      };
    }

    PointValues points() {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < count; i++) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      byte[] lo = new byte[Long.BYTES];
      byte[] hi = new byte[Long.BYTES];
      NumericUtils.longToSortableBytes(min, lo, 0);
      NumericUtils.longToSortableBytes(max, hi, 0);
      return new SingleLeafPoints(Long.BYTES, lo, hi, count, docCount) {
        @Override
        void visit(PointValues.IntersectVisitor visitor, byte[] scratch) throws IOException {
          for (int i = 0; i < count; i++) {
            NumericUtils.longToSortableBytes(values[i], scratch, 0);
            visitor.visit(docs[i], scratch);
          }
        }

        @Override
        void visitDocs(PointValues.IntersectVisitor visitor) throws IOException {
          for (int i = 0; i < count; i++) {
            visitor.visit(docs[i]);
          }
        }
      };
    }

    private static void sortWithinDocs(int[] docs, long[] values, int count) {
      int i = 0;
      while (i < count) {
        int j = i + 1;
        while (j < count && docs[j] == docs[i]) {
          j++;
        }
        if (j - i > 1) {
          Arrays.sort(values, i, j);
        }
        i = j;
      }
    }
  }

  /** IP values as 16-byte points. */
  static final class IpValues {
    private final int[] docs;
    private final byte[] packed;
    private final int count;

    IpValues(int[] docs, byte[] packed, int count) {
      this.docs = docs;
      this.packed = packed;
      this.count = count;
    }

    PointValues points() {
      byte[] lo = new byte[16];
      byte[] hi = new byte[16];
      if (count > 0) {
        System.arraycopy(packed, 0, lo, 0, 16);
        System.arraycopy(packed, 0, hi, 0, 16);
      }
      for (int i = 1; i < count; i++) {
        int at = i * 16;
        if (Arrays.compareUnsigned(packed, at, at + 16, lo, 0, 16) < 0) {
          System.arraycopy(packed, at, lo, 0, 16);
        }
        if (Arrays.compareUnsigned(packed, at, at + 16, hi, 0, 16) > 0) {
          System.arraycopy(packed, at, hi, 0, 16);
        }
      }
      return new SingleLeafPoints(16, lo, hi, count, distinctDocs(docs, count)) {
        @Override
        void visit(PointValues.IntersectVisitor visitor, byte[] scratch) throws IOException {
          for (int i = 0; i < count; i++) {
            System.arraycopy(packed, i * 16, scratch, 0, 16);
            visitor.visit(docs[i], scratch);
          }
        }

        @Override
        void visitDocs(PointValues.IntersectVisitor visitor) throws IOException {
          for (int i = 0; i < count; i++) {
            visitor.visit(docs[i]);
          }
        }
      };
    }
  }

  static int distinctDocs(int[] docs, int count) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || docs[i] != docs[i - 1]) {
        n++;
      }
    }
    return n;
  }

  /**
   * One-dimensional points as a tree of a single leaf: the codec sorts and builds the real tree
   * when it writes the segment, so no order is needed here.
   */
  abstract static class SingleLeafPoints extends PointValues {
    private final int bytesPerDim;
    private final byte[] min;
    private final byte[] max;
    private final int count;
    private final int docCount;

    SingleLeafPoints(int bytesPerDim, byte[] min, byte[] max, int count, int docCount) {
      this.bytesPerDim = bytesPerDim;
      this.min = min;
      this.max = max;
      this.count = count;
      this.docCount = docCount;
    }

    abstract void visit(IntersectVisitor visitor, byte[] scratch) throws IOException;

    abstract void visitDocs(IntersectVisitor visitor) throws IOException;

    @Override
    public PointTree getPointTree() {
      return new PointTree() {
        @Override
        public PointTree clone() {
          return this;
        }

        @Override
        public boolean moveToChild() {
          return false;
        }

        @Override
        public boolean moveToSibling() {
          return false;
        }

        @Override
        public boolean moveToParent() {
          return false;
        }

        @Override
        public byte[] getMinPackedValue() {
          return min;
        }

        @Override
        public byte[] getMaxPackedValue() {
          return max;
        }

        @Override
        public long size() {
          return count;
        }

        @Override
        public void visitDocIDs(IntersectVisitor visitor) throws IOException {
          visitor.grow(count);
          visitDocs(visitor);
        }

        @Override
        public void visitDocValues(IntersectVisitor visitor) throws IOException {
          visitor.grow(count);
          visit(visitor, new byte[bytesPerDim]);
        }
      };
    }

    @Override
    public byte[] getMinPackedValue() {
      return min;
    }

    @Override
    public byte[] getMaxPackedValue() {
      return max;
    }

    @Override
    public int getNumDimensions() {
      return 1;
    }

    @Override
    public int getNumIndexDimensions() {
      return 1;
    }

    @Override
    public int getBytesPerDimension() {
      return bytesPerDim;
    }

    @Override
    public long size() {
      return count;
    }

    @Override
    public int getDocCount() {
      return docCount;
    }
  }
}
