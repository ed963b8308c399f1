package io.egressdoctor.core.index.lucene.batch;

import io.egressdoctor.core.index.lucene.LuceneDocuments;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch.Column;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch.IpColumn;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch.KeywordColumn;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch.LongColumn;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch.TextColumn;
import java.util.ArrayList;
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
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DocValuesSkipIndexType;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.Version;

/**
 * A {@link DocumentBatch} seen as a Lucene segment: field infos, postings, doc values, points, and
 * stored fields over the batch's columns, enough for {@code IndexWriter.addIndexes} to write it
 * through the codec. Everything is computed once here; the views are read-only.
 */
public final class BatchReader extends CodecReader {

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
  private final BatchStoredFieldsReader stored;

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
        new BatchStoredFieldsReader(
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
    return new BatchDocValuesProducer(longs, sortedSets);
  }

  @Override
  public FieldsProducer getPostingsReader() {
    return new BatchPostingsProducer(postings);
  }

  @Override
  public PointsReader getPointsReader() {
    return longs.isEmpty() && ips.isEmpty() ? null : new BatchPointsReader(longs, ips);
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
}
