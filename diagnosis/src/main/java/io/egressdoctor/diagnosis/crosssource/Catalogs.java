package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;

/** The catalog an analyzer works with. */
final class Catalogs {

  private Catalogs() {}

  /**
   * The context's catalog; when it is empty (a caller that did not load one), the built-in catalog
   * if it is on the class path, since an analyzer without any catalog can only stay silent.
   */
  static EndpointCatalog effective(AnalysisContext context) {
    if (!context.catalog().services().isEmpty()) {
      return context.catalog();
    }
    try {
      return YamlEndpointCatalog.builtIn();
    } catch (IllegalStateException e) {
      return context.catalog();
    }
  }
}
