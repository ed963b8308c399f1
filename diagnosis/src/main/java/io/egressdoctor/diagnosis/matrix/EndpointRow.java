package io.egressdoctor.diagnosis.matrix;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the endpoint matrix: a required endpoint and what the logs show about it.
 *
 * @param service the catalog service id
 * @param host the host, with the region filled in when known, else the catalog pattern
 * @param ports the TCP ports it needs
 * @param purpose what the agent uses it for
 * @param observations events per kind of observation; {@link Observation#NEVER_SEEN} alone when no
 *     event names it
 * @param namesSeen the concrete names seen in the logs that match it, sorted, capped
 * @param privacy whether it should be reached privately
 * @param privateEndpoint the id of the private endpoint the reference data holds for it, or empty
 */
public record EndpointRow(
    String service,
    String host,
    List<Integer> ports,
    String purpose,
    Map<Observation, Long> observations,
    List<String> namesSeen,
    Privacy privacy,
    String privateEndpoint) {

  public EndpointRow {
    ports = List.copyOf(ports);
    purpose = purpose == null ? "" : purpose;
    var copy = new EnumMap<Observation, Long>(Observation.class);
    observations.forEach(
        (k, v) -> {
          if (v > 0 || k == Observation.NEVER_SEEN) {
            copy.put(k, v);
          }
        });
    if (copy.isEmpty()) {
      copy.put(Observation.NEVER_SEEN, 0L);
    }
    observations = Collections.unmodifiableMap(copy);
    namesSeen = List.copyOf(namesSeen);
    privateEndpoint = privateEndpoint == null ? "" : privateEndpoint;
  }

  /** The most telling observation: denials first, then failures, then success, then nothing. */
  public Observation worst() {
    return observations.keySet().iterator().next();
  }

  /**
   * The observations as the matrix prints them, e.g. {@code denied by proxy (12), via proxy (3)}.
   */
  public String shows() {
    var parts = new java.util.ArrayList<String>();
    observations.forEach(
        (k, v) -> parts.add(k == Observation.NEVER_SEEN ? k.label() : k.label() + " (" + v + ")"));
    return String.join(", ", parts);
  }

  /** The ports joined with commas. */
  public String portList() {
    return String.join(", ", ports.stream().map(String::valueOf).toList());
  }
}
