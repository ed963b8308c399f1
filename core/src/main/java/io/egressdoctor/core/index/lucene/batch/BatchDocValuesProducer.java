package io.egressdoctor.core.index.lucene.batch;

import java.util.Map;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/** The batch's doc values: sorted sets for keywords and addresses, sorted numerics for longs. */
final class BatchDocValuesProducer extends DocValuesProducer {
  private final Map<String, LongValues> longs;
  private final Map<String, SortedSetSource> sortedSets;

  BatchDocValuesProducer(Map<String, LongValues> longs, Map<String, SortedSetSource> sortedSets) {
    this.longs = longs;
    this.sortedSets = sortedSets;
  }

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
