package io.egressdoctor.report;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites every string inside a tree of records, lists, sets, maps and optionals, rebuilding each
 * record through its canonical constructor. Redaction goes through it, so a section added to the
 * report later is masked without anyone listing its strings. Map keys stay (they are names, such as
 * an entity's field); other values (numbers, times, enums) are kept as they are.
 */
final class RecordStrings {

  /**
   * What to do with one string.
   *
   * @see #map
   */
  @FunctionalInterface
  interface StringMapper {
    /**
     * The new string.
     *
     * @param name the name the string sits under: its map key, else its record component's name
     * @param value the string
     */
    String apply(String name, String value);
  }

  private RecordStrings() {}

  /** The tree with {@code f} applied to every string, except record components named in keep. */
  @SuppressWarnings("unchecked")
  static <T> T map(T root, StringMapper f, Set<String> keep) {
    return (T) map(root, "", f, keep);
  }

  private static Object map(Object o, String name, StringMapper f, Set<String> keep) {
    return switch (o) {
      case null -> null;
      case String s -> f.apply(name, s);
      case Record r -> record(r, f, keep);
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        l.forEach(v -> out.add(map(v, name, f, keep)));
        yield Collections.unmodifiableList(out);
      }
      case Set<?> s -> {
        Set<Object> out = new LinkedHashSet<>();
        s.forEach(v -> out.add(map(v, name, f, keep)));
        yield Collections.unmodifiableSet(out);
      }
      case Map<?, ?> m -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, map(v, k instanceof String key ? key : name, f, keep)));
        yield Collections.unmodifiableMap(out);
      }
      case Optional<?> opt -> opt.map(v -> map(v, name, f, keep));
      default -> o;
    };
  }

  private static Record record(Record r, StringMapper f, Set<String> keep) {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        var accessor = c.getAccessor();
        accessor.setAccessible(true);
        Object value = accessor.invoke(r);
        values[i] = keep.contains(c.getName()) ? value : map(value, c.getName(), f, keep);
      }
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return (Record) canonical.newInstance(values);
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new IllegalStateException("cannot rebuild " + r.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot rebuild " + r.getClass().getName(), e.getCause());
    }
  }
}
