/**
 * The required-endpoint catalog: for each migration or DR service, the endpoints its agents and
 * appliances must reach, their ports, and whether each can use a private endpoint.
 */
package io.egressdoctor.diagnosis.catalog;
