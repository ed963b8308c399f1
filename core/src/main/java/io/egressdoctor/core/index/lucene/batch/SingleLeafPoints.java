package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import org.apache.lucene.index.PointValues;

/**
 * One-dimensional points as a tree of a single leaf: the codec sorts and builds the real tree when
 * it writes the segment, so no order is needed here.
 */
abstract class SingleLeafPoints extends PointValues {
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

  /** How many distinct documents a run of document numbers in order holds. */
  static int distinctDocs(int[] docs, int count) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || docs[i] != docs[i - 1]) {
        n++;
      }
    }
    return n;
  }
}
