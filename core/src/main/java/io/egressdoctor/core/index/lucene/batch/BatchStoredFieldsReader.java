package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldDataInput;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.store.ByteArrayDataInput;

/** The batch's stored fields: the id and the binary source of each document. */
final class BatchStoredFieldsReader extends StoredFieldsReader {
  private final FieldInfo idInfo;
  private final List<String> ids;
  private final FieldInfo sourceInfo;
  private final byte[] sources;
  private final int[] ends;

  BatchStoredFieldsReader(
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
