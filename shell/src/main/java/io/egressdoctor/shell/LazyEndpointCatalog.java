package io.egressdoctor.shell;

import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An endpoint catalog read on first use: the built-in one is parsed from YAML, which every command
 * line would pay for at start-up (the command tree is built whole) though only {@code report} and
 * {@code collect} read it.
 */
final class LazyEndpointCatalog implements EndpointCatalog {

  private final Supplier<EndpointCatalog> load;
  private volatile EndpointCatalog catalog;

  LazyEndpointCatalog(Supplier<EndpointCatalog> load) {
    this.load = load;
  }

  private EndpointCatalog catalog() {
    EndpointCatalog c = catalog;
    if (c == null) {
      synchronized (this) {
        c = catalog;
        if (c == null) {
          c = load.get();
          catalog = c;
        }
      }
    }
    return c;
  }

  @Override
  public List<String> services() {
    return catalog().services();
  }

  @Override
  public List<RequiredEndpoint> endpoints(String service) {
    return catalog().endpoints(service);
  }

  @Override
  public Optional<RequiredEndpoint> find(String name) {
    return catalog().find(name);
  }

  @Override
  public List<Integer> replicationPorts(String service) {
    return catalog().replicationPorts(service);
  }

  @Override
  public String serviceName(String service) {
    return catalog().serviceName(service);
  }
}
