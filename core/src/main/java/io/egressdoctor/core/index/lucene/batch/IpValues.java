package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.PointValues;

/** IP values as 16-byte points. */
final class IpValues {
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
    return new SingleLeafPoints(16, lo, hi, count, SingleLeafPoints.distinctDocs(docs, count)) {
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
