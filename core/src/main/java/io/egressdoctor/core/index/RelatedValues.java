package io.egressdoctor.core.index;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code related.*} fields as the local index keeps them: only the values that no field they
 * collect ({@link Fields#collectedBy}) holds in the same event, such as an IP found in a message.
 * Every other value is already indexed under its own field, and a query on {@code related.*} asks
 * those fields too ({@link io.egressdoctor.core.query.RelatedQueries}), so writing it twice per
 * event would only cost time and disk.
 */
public final class RelatedValues {

  private static final List<FieldDefinition> RELATED =
      List.of(Fields.RELATED_IP, Fields.RELATED_HOSTS, Fields.RELATED_USER);
  private static final List<List<String>> COLLECTED =
      RELATED.stream()
          .map(r -> Fields.collectedBy(r).stream().map(FieldDefinition::name).toList())
          .toList();

  private RelatedValues() {}

  /**
   * For each {@code related.*} field of the event that holds values found elsewhere, the values to
   * keep (an empty list drops the field); an empty map when the event is kept as it is.
   */
  public static Map<String, List<Object>> residue(Event event) {
    Map<String, List<Object>> out = Map.of();
    for (int r = 0; r < RELATED.size(); r++) {
      String name = RELATED.get(r).name();
      Object v = event.fields().get(name);
      if (v == null) {
        continue;
      }
      List<?> values = v instanceof List<?> l ? l : List.of(v);
      List<Object> kept = null;
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        boolean elsewhere = heldElsewhere(event, COLLECTED.get(r), value);
        if (elsewhere && kept == null) {
          kept = new ArrayList<>(values.subList(0, i));
        } else if (!elsewhere && kept != null) {
          kept.add(value);
        }
      }
      if (kept != null) {
        if (out.isEmpty()) {
          out = new HashMap<>(4);
        }
        out.put(name, kept);
      }
    }
    return out;
  }

  /** The event as the index keeps it: {@link #residue} applied. */
  public static Event reduced(Event event) {
    Event out = event;
    for (Map.Entry<String, List<Object>> r : residue(event).entrySet()) {
      out = out.withValuesKept(r.getKey(), r.getValue());
    }
    return out;
  }

  private static boolean heldElsewhere(Event event, List<String> fields, Object value) {
    for (String f : fields) {
      Object v = event.fields().get(f);
      if (v != null && (v instanceof List<?> l ? l.contains(value) : v.equals(value))) {
        return true;
      }
    }
    return false;
  }
}
