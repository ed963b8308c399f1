package io.egressdoctor.samples.bundle;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random source with the few draws the generators need; same seed, same bundle. */
final class Rng {

  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int between(int lowInclusive, int highExclusive) {
    return lowInclusive + random.nextInt(highExclusive - lowInclusive);
  }

  long between(long lowInclusive, long highExclusive) {
    return random.nextLong(lowInclusive, highExclusive);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double unit() {
    return random.nextDouble();
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** A lowercase hex string, e.g. for request ids. */
  String hex(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  /** A random UUID in the usual 8-4-4-4-12 layout, derived from this source only. */
  String uuid() {
    return hex(8)
        + "-"
        + hex(4)
        + "-4"
        + hex(3)
        + "-"
        + pick("8", "9", "a", "b")
        + hex(3)
        + "-"
        + hex(12);
  }

  /** Alphanumeric, as in CloudTrail's 16-character unique file suffix. */
  String alnum(int length) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  /** An exponential gap with the given mean, for Poisson-like arrivals. */
  long exponential(double mean) {
    return (long) (-Math.log(1 - random.nextDouble()) * mean);
  }
}
