package io.egressdoctor.core.event;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One log line or record turned into ECS-named, typed fields, with its original text and origin.
 *
 * <p>Values are normalised on the way in, by the field's declared type: keywords are strings
 * (lowercased for domain fields), IPs are canonical literal strings, longs and dates are {@link
 * Long}s (dates in epoch milliseconds), booleans are {@link Boolean}s. A multi-valued field holds a
 * {@link List}. Setting a value that does not fit the type is a programming error and throws.
 */
public final class Event {

  private final String dataset;
  private final Long timestamp;
  private final String original;
  private final Origin origin;
  private final Map<String, Object> fields;

  private Event(Builder b) {
    this.dataset = Objects.requireNonNull(b.dataset, "dataset");
    this.timestamp = b.timestamp;
    this.original = b.original;
    this.origin = b.origin;
    this.fields = Collections.unmodifiableMap(b.fields);
  }

  private Event(Event base, Map<String, Object> fields) {
    this.dataset = base.dataset;
    this.timestamp = base.timestamp;
    this.original = base.original;
    this.origin = base.origin;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /**
   * This event with one field's values replaced by some of them (none removes the field), without
   * checking them again: they were normalised when the event was built. Cheaper than {@link
   * #toBuilder} on the indexing path.
   */
  public Event withValuesKept(String name, List<Object> kept) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    if (kept.isEmpty()) {
      copy.remove(name);
    } else {
      copy.put(name, List.copyOf(kept));
    }
    return new Event(this, copy);
  }

  /** A builder for an event of the given dataset, e.g. {@code squid.access}. */
  public static Builder builder(String dataset) {
    return new Builder(dataset);
  }

  /** The dataset ({@code event.dataset}). */
  public String dataset() {
    return dataset;
  }

  /** {@code @timestamp} in epoch milliseconds, if the source gave one. */
  public OptionalLong timestamp() {
    return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
  }

  /** {@code @timestamp} in epoch milliseconds, or null: the allocation-free form for encoders. */
  Long rawTimestamp() {
    return timestamp;
  }

  /** {@code event.original}, or null. */
  public String original() {
    return original;
  }

  /** Where it was read from, or null for synthetic events. */
  public Origin origin() {
    return origin;
  }

  /** Whether this event stands for a line that could not be parsed. */
  public boolean isPipelineError() {
    return "pipeline_error".equals(fields.get(Fields.EVENT_KIND.name()));
  }

  /** Every field other than the timestamp, dataset, original text and origin. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** The value of a field: a String, Long, Boolean, or a List of those. */
  public Object get(String name) {
    return fields.get(name);
  }

  /** The value of a single-valued field as a string, if present. */
  public Optional<String> getString(FieldDefinition field) {
    Object v = fields.get(field.name());
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof List<?> list) {
      return list.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(list.get(0)));
    }
    return Optional.of(String.valueOf(v));
  }

  /** The value of a long field, if present. */
  public OptionalLong getLong(FieldDefinition field) {
    Object v = fields.get(field.name());
    return v instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
  }

  /** Every value of a field, single or multi-valued, as a list. */
  public List<Object> values(String name) {
    Object v = fields.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return Collections.unmodifiableList(list);
    }
    return List.of(v);
  }

  /** A builder that starts as a copy of this event, to enrich it. */
  public Builder toBuilder() {
    Builder b = new Builder(dataset);
    b.timestamp = timestamp;
    b.original = original;
    b.origin = origin;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      b.fields.put(
          e.getKey(), e.getValue() instanceof List<?> l ? new ArrayList<>(l) : e.getValue());
    }
    return b;
  }

  @Override
  public String toString() {
    return "Event[" + dataset + " " + timestamp + " " + fields + "]";
  }

  /** Builds an {@link Event}; not thread-safe. */
  public static final class Builder {
    private final String dataset;
    private Long timestamp;
    private String original;
    private Origin origin;
    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    private Builder(String dataset) {
      this.dataset = dataset;
    }

    /** Sets {@code @timestamp} in epoch milliseconds. */
    public Builder timestamp(long epochMillis) {
      this.timestamp = epochMillis;
      return this;
    }

    /** Sets {@code event.original}. */
    public Builder original(String text) {
      this.original = text;
      return this;
    }

    /** Sets where the event was read from. */
    public Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    /** Whether a field has a value already. */
    public boolean has(String name) {
      return fields.containsKey(name);
    }

    /** The value set so far for a field, or null. */
    public Object peek(String name) {
      return fields.get(name);
    }

    /** Sets a field; a null or empty value is ignored. Multi-valued fields get one value. */
    public Builder set(FieldDefinition field, Object value) {
      Object normalised = normalise(field, value);
      if (normalised != null) {
        fields.put(
            field.name(), field.multiValued() ? new ArrayList<>(List.of(normalised)) : normalised);
      }
      return this;
    }

    /** Sets a field by name; the name must be declared in {@link Fields}. */
    public Builder set(String name, Object value) {
      return set(Fields.get(name), value);
    }

    /** Adds one value to a multi-valued field, keeping values distinct. */
    @SuppressWarnings("unchecked")
    public Builder add(FieldDefinition field, Object value) {
      if (!field.multiValued()) {
        return set(field, value);
      }
      Object normalised = normalise(field, value);
      if (normalised == null) {
        return this;
      }
      List<Object> list =
          (List<Object>) fields.computeIfAbsent(field.name(), k -> new ArrayList<>(2));
      if (!list.contains(normalised)) {
        list.add(normalised);
      }
      return this;
    }

    /**
     * Sets a value that was normalised when it was first set, as read back from the index: no check
     * and no copy, because decoding every stored event again is on the search path.
     */
    Builder putNormalised(FieldDefinition field, Object value) {
      fields.put(field.name(), value);
      return this;
    }

    /** Removes a field. */
    public Builder remove(String name) {
      fields.remove(name);
      return this;
    }

    /** The event. */
    public Event build() {
      return new Event(this);
    }

    private static Object normalise(FieldDefinition field, Object value) {
      if (value == null) {
        return null;
      }
      return switch (field.type()) {
        case KEYWORD, TEXT -> {
          String s = value.toString();
          if (s.isEmpty()) {
            yield null;
          }
          yield field.lowercase() ? s.toLowerCase(Locale.ROOT) : s;
        }
        case IP -> {
          String s = value.toString();
          yield IpAddresses.canonical(s)
              .orElseThrow(() -> new IllegalArgumentException(field.name() + ": not an IP: " + s));
        }
        case LONG, DATE -> {
          if (value instanceof Number n) {
            yield n.longValue();
          }
          throw new IllegalArgumentException(field.name() + ": not a number: " + value);
        }
        case BOOLEAN -> {
          if (value instanceof Boolean b) {
            yield b;
          }
          yield Boolean.parseBoolean(value.toString());
        }
      };
    }
  }

  /** Whether a value can be stored in a field of the given type without error. */
  public static boolean fits(FieldType type, String text) {
    return switch (type) {
      case IP -> IpAddresses.isLiteral(text);
      case LONG, DATE -> {
        try {
          Long.parseLong(text);
          yield true;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
      default -> true;
    };
  }
}
