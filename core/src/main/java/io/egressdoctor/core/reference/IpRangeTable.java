package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Published IP ranges indexed for longest-prefix lookups, IPv4 and IPv6.
 *
 * <p>The prefixes are put in a binary trie, which is then flattened into the sorted, disjoint
 * intervals of the address space they delimit, each with its precomputed answer: every range
 * covering it, most specific first. A lookup is a binary search over two primitive arrays (a few
 * cache lines instead of one pointer hop per address bit) and returns a shared immutable list, so
 * it allocates nothing beyond the address bytes.
 */
public final class IpRangeTable {

  private static final IpRangeTable EMPTY = of(List.of());

  private final Space v4;
  private final Space v6;
  private final int size;

  private IpRangeTable(Space v4, Space v6, int size) {
    this.v4 = v4;
    this.v6 = v6;
    this.size = size;
  }

  /** A table with no ranges. */
  public static IpRangeTable empty() {
    return EMPTY;
  }

  /** A table of the given ranges; ranges with the same prefix keep their given order. */
  public static IpRangeTable of(Collection<IpRange> ranges) {
    Space.Builder v4 = new Space.Builder();
    Space.Builder v6 = new Space.Builder();
    for (IpRange r : ranges) {
      byte[] network = r.cidr().address().getAddress();
      (network.length == 4 ? v4 : v6).insert(network, r.cidr().prefixLength(), r);
    }
    return new IpRangeTable(v4.build(32), v6.build(128), ranges.size());
  }

  /** Every range containing the address, most specific first. */
  public List<IpRange> lookup(InetAddress address) {
    return lookup(address.getAddress());
  }

  /** Every range containing the address given as 4 or 16 network-order bytes. */
  public List<IpRange> lookup(byte[] address) {
    return (address.length == 4 ? v4 : v6).lookup(address);
  }

  /** How many ranges the table holds. */
  public int size() {
    return size;
  }

  /**
   * The address space cut into disjoint intervals, each with the ranges covering all of it; a
   * lookup is a binary search for the last interval starting at or before the address. Starts are
   * 128-bit numbers in two arrays, sign bits flipped so that signed comparison orders them.
   */
  private static final class Space {
    private final long[] startHigh;
    private final long[] startLow;
    private final List<IpRange>[] answers;

    private Space(long[] startHigh, long[] startLow, List<IpRange>[] answers) {
      this.startHigh = startHigh;
      this.startLow = startLow;
      this.answers = answers;
    }

    List<IpRange> lookup(byte[] address) {
      long high;
      long low;
      if (address.length == 4) {
        high = Long.MIN_VALUE;
        low =
            (((address[0] & 0xffL) << 24)
                    | ((address[1] & 0xffL) << 16)
                    | ((address[2] & 0xffL) << 8)
                    | (address[3] & 0xffL))
                ^ Long.MIN_VALUE;
      } else {
        high = bytesToLong(address, 0) ^ Long.MIN_VALUE;
        low = bytesToLong(address, 8) ^ Long.MIN_VALUE;
      }
      int lo = 0;
      int hi = startLow.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        long h = startHigh[mid];
        if (h < high || (h == high && startLow[mid] <= low)) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      List<IpRange> answer = answers[lo];
      return answer == null ? List.of() : answer;
    }

    private static long bytesToLong(byte[] b, int from) {
      long v = 0;
      for (int i = from; i < from + 8; i++) {
        v = (v << 8) | (b[i] & 0xffL);
      }
      return v;
    }

    /**
     * Grows a binary trie one prefix at a time, then flattens it into intervals. A node's answer is
     * its own ranges followed by its ancestors', so the most specific comes first.
     */
    static final class Builder {
      private int[] children = new int[2 * 1024];
      private int[] parent = new int[1024];
      private final List<List<IpRange>> own = new ArrayList<>();
      private int nodes = 1;

      Builder() {
        own.add(null);
      }

      void insert(byte[] network, int prefixLength, IpRange range) {
        int node = 0;
        for (int i = 0; i < prefixLength; i++) {
          int bit = (network[i >>> 3] >>> (7 - (i & 7))) & 1;
          int next = children[2 * node + bit];
          if (next == 0) {
            next = newNode(node);
            children[2 * node + bit] = next;
          }
          node = next;
        }
        List<IpRange> list = own.get(node);
        if (list == null) {
          list = new ArrayList<>(1);
          own.set(node, list);
        }
        list.add(range);
      }

      private int newNode(int parentNode) {
        if (nodes == parent.length) {
          parent = Arrays.copyOf(parent, nodes * 2);
          children = Arrays.copyOf(children, nodes * 4);
        }
        parent[nodes] = parentNode;
        own.add(null);
        return nodes++;
      }

      @SuppressWarnings("unchecked")
      Space build(int bits) {
        List<IpRange>[] chains = new List[nodes];
        // Parents are always created before their children, so one pass in node order suffices.
        for (int n = 0; n < nodes; n++) {
          List<IpRange> inherited = n == 0 ? null : chains[parent[n]];
          List<IpRange> mine = own.get(n);
          if (mine == null) {
            chains[n] = inherited;
            continue;
          }
          List<IpRange> answer = new ArrayList<>(mine);
          if (inherited != null) {
            answer.addAll(inherited);
          }
          chains[n] = List.copyOf(answer);
        }
        Intervals out = new Intervals();
        walk(0, 0, bits, 0L, 0L, chains, out);
        return new Space(
            Arrays.copyOf(out.high, out.size),
            Arrays.copyOf(out.low, out.size),
            Arrays.copyOf(out.answers, out.size));
      }

      /** Emits, in address order, intervals covering exactly the node's part of the space. */
      private void walk(
          int node,
          int depth,
          int bits,
          long high,
          long low,
          List<IpRange>[] chains,
          Intervals out) {
        List<IpRange> answer = chains[node];
        int zero = children[2 * node];
        int one = children[2 * node + 1];
        if (depth == bits || (zero == 0 && one == 0)) {
          out.emit(high, low, answer);
          return;
        }
        if (zero != 0) {
          walk(zero, depth + 1, bits, high, low, chains, out);
        } else {
          out.emit(high, low, answer);
        }
        int bit = bits - depth - 1;
        long midHigh = bit >= 64 ? high | (1L << (bit - 64)) : high;
        long midLow = bit >= 64 ? low : low | (1L << bit);
        if (one != 0) {
          walk(one, depth + 1, bits, midHigh, midLow, chains, out);
        } else {
          out.emit(midHigh, midLow, answer);
        }
      }
    }

    /** Growing arrays of interval starts and answers; consecutive equal answers are merged. */
    private static final class Intervals {
      long[] high = new long[256];
      long[] low = new long[256];

      @SuppressWarnings("unchecked")
      List<IpRange>[] answers = new List[256];

      int size;

      void emit(long startHigh, long startLow, List<IpRange> answer) {
        if (size > 0 && answers[size - 1] == answer) {
          return;
        }
        if (size == high.length) {
          high = Arrays.copyOf(high, size * 2);
          low = Arrays.copyOf(low, size * 2);
          answers = Arrays.copyOf(answers, size * 2);
        }
        high[size] = startHigh ^ Long.MIN_VALUE;
        low[size] = startLow ^ Long.MIN_VALUE;
        answers[size] = answer;
        size++;
      }
    }
  }
}
