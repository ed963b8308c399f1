package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Published IP ranges in two binary tries (IPv4 and IPv6) for longest-prefix lookups.
 *
 * <p>Each node that ends a prefix holds the precomputed answer for every address under it: its own
 * ranges followed by those of its ancestors, most specific first. A lookup walks at most 32 or 128
 * bits and returns a shared immutable list, so it allocates nothing beyond the address bytes.
 */
public final class IpRangeTable {

  private static final IpRangeTable EMPTY = of(List.of());

  private final Trie v4;
  private final Trie v6;
  private final int size;

  private IpRangeTable(Trie v4, Trie v6, int size) {
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
    Trie.Builder v4 = new Trie.Builder();
    Trie.Builder v6 = new Trie.Builder();
    for (IpRange r : ranges) {
      byte[] network = r.cidr().address().getAddress();
      (network.length == 4 ? v4 : v6).insert(network, r.cidr().prefixLength(), r);
    }
    return new IpRangeTable(v4.build(), v6.build(), ranges.size());
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

  /** An array-backed binary trie; node 0 is the root, child index 0 means no child. */
  private static final class Trie {
    private final int[] children;
    private final List<IpRange>[] answers;

    private Trie(int[] children, List<IpRange>[] answers) {
      this.children = children;
      this.answers = answers;
    }

    List<IpRange> lookup(byte[] address) {
      List<IpRange> best = answers[0];
      int node = 0;
      int bits = address.length * 8;
      for (int i = 0; i < bits; i++) {
        int bit = (address[i >>> 3] >>> (7 - (i & 7))) & 1;
        node = children[2 * node + bit];
        if (node == 0) {
          break;
        }
        List<IpRange> here = answers[node];
        if (here != null) {
          best = here;
        }
      }
      return best == null ? List.of() : best;
    }

    /** Grows the trie one prefix at a time, then freezes it with precomputed answers. */
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
      Trie build() {
        List<IpRange>[] answers = new List[nodes];
        // Parents are always created before their children, so one pass in node order suffices.
        for (int n = 0; n < nodes; n++) {
          List<IpRange> inherited = n == 0 ? null : answers[parent[n]];
          List<IpRange> mine = own.get(n);
          if (mine == null) {
            answers[n] = inherited;
            continue;
          }
          List<IpRange> answer = new ArrayList<>(mine);
          if (inherited != null) {
            answer.addAll(inherited);
          }
          answers[n] = List.copyOf(answer);
        }
        // Only nodes that end a prefix need their answer during a lookup; the others inherit it.
        for (int n = 1; n < nodes; n++) {
          if (own.get(n) == null) {
            answers[n] = null;
          }
        }
        return new Trie(Arrays.copyOf(children, 2 * nodes), answers);
      }
    }
  }
}
