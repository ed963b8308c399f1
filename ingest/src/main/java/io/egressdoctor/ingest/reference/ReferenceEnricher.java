package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.IndexedReferenceData;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.EventEnricher;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Adds what reference data says about an event's parties: the cloud, region and services of the
 * published ranges holding {@code destination.ip} and {@code source.ip}, and whether the
 * destination (by address, else by name) is one of the customer's private endpoints, with its
 * service.
 */
public final class ReferenceEnricher implements EventEnricher {

  private final ReferenceData data;

  /** An enricher over the data, indexed for lookups if it is not already. */
  public ReferenceEnricher(ReferenceData data) {
    this.data = IndexedReferenceData.of(data);
  }

  @Override
  public Event enrich(Event event) {
    Optional<InetAddress> destination = address(event, Fields.DESTINATION_IP);
    Optional<InetAddress> source = address(event, Fields.SOURCE_IP);
    List<IpRange> destinationRanges = destination.map(data::ipRanges).orElse(List.of());
    List<IpRange> sourceRanges = source.map(data::ipRanges).orElse(List.of());
    Optional<PrivateEndpoint> endpoint =
        destination
            .flatMap(data::privateEndpointForAddress)
            .or(() -> name(event).flatMap(data::privateEndpointForName));
    if (destinationRanges.isEmpty() && sourceRanges.isEmpty() && endpoint.isEmpty()) {
      return event;
    }
    Event.Builder b = event.toBuilder();
    describe(
        b, destinationRanges, Fields.ED_DEST_CLOUD, Fields.ED_DEST_REGION, Fields.ED_DEST_SERVICE);
    describe(
        b, sourceRanges, Fields.ED_SOURCE_CLOUD, Fields.ED_SOURCE_REGION, Fields.ED_SOURCE_SERVICE);
    endpoint.ifPresent(
        p ->
            b.set(Fields.ED_DEST_PRIVATE_ENDPOINT, true)
                .set(Fields.ED_DEST_PRIVATE_ENDPOINT_SERVICE, p.service()));
    return b.build();
  }

  private static void describe(
      Event.Builder b,
      List<IpRange> ranges,
      FieldDefinition cloud,
      FieldDefinition region,
      FieldDefinition service) {
    if (ranges.isEmpty()) {
      return;
    }
    b.set(cloud, ranges.get(0).cloud());
    ranges.stream()
        .map(IpRange::region)
        .filter(r -> !r.isEmpty())
        .findFirst()
        .ifPresent(r -> b.set(region, r));
    for (IpRange r : ranges) {
      b.add(service, r.service());
    }
  }

  private static Optional<InetAddress> address(Event event, FieldDefinition field) {
    return event.getString(field).flatMap(IpAddresses::parse);
  }

  private static Optional<String> name(Event event) {
    return event
        .getString(Fields.DESTINATION_DOMAIN)
        .or(() -> event.getString(Fields.URL_DOMAIN))
        .or(() -> event.getString(Fields.TLS_CLIENT_SERVER_NAME));
  }
}
