package io.egressdoctor.diagnosis.catalog;

import java.util.List;
import java.util.Optional;

/** The required-endpoint catalog, by service. */
public interface EndpointCatalog {

  /** The ids of the catalog's services, e.g. {@code aws-mgn}, {@code azure-site-recovery}. */
  List<String> services();

  /** Every endpoint of one service; empty for an unknown service. */
  List<RequiredEndpoint> endpoints(String service);

  /** The first endpoint of any service whose pattern matches the name, in any region. */
  Optional<RequiredEndpoint> find(String name);

  /** The TCP ports of a service's data channel to its replication servers, e.g. 1500. */
  default List<Integer> replicationPorts(String service) {
    return List.of();
  }

  /** The display name of a service, e.g. {@code AWS Application Migration Service}. */
  default String serviceName(String service) {
    return service;
  }

  /** An empty catalog. */
  static EndpointCatalog empty() {
    return new EndpointCatalog() {
      @Override
      public List<String> services() {
        return List.of();
      }

      @Override
      public List<RequiredEndpoint> endpoints(String service) {
        return List.of();
      }

      @Override
      public Optional<RequiredEndpoint> find(String name) {
        return Optional.empty();
      }
    };
  }
}
