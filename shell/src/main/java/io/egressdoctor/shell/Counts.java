package io.egressdoctor.shell;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numeric options that count things ({@code --limit}): a whole number within bounds, or one clear
 * line and exit 2. A negative count or one large enough to exhaust memory (events are loaded to be
 * shown) is a typing mistake, not a request.
 */
public final class Counts {

  private Counts() {}

  /** The value of {@code text} if it is a whole number from {@code min} to {@code max}. */
  static int parse(String text, int min, int max) {
    String t = text.strip().replace("_", "");
    long n;
    try {
      n = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw outOfRange(text, min, max);
    }
    if (n < min || n > max) {
      throw outOfRange(text, min, max);
    }
    return (int) n;
  }

  private static TypeConversionException outOfRange(String text, int min, int max) {
    return new TypeConversionException(
        String.format(Locale.ROOT, "'%s' is not a whole number from %,d to %,d", text, min, max));
  }

  /** How many events to show: 1 to 100,000. */
  public static final class EventLimit implements ITypeConverter<Integer> {
    static final int MAX = 100_000;

    @Override
    public Integer convert(String value) {
      return parse(value, 1, MAX);
    }
  }

  /** How many values to show: 1 to 10,000. */
  public static final class ValueLimit implements ITypeConverter<Integer> {
    static final int MAX = 10_000;

    @Override
    public Integer convert(String value) {
      return parse(value, 1, MAX);
    }
  }
}
