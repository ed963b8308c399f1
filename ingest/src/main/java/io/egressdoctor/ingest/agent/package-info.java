/**
 * Configuration files of migration agents and appliances that are not line logs: the Azure Migrate
 * / Site Recovery appliance's {@code appliance.json} and the Mobility service's {@code
 * ProxyInfo.conf}, read as configuration events (proxy address, bypass list, whether the bypass
 * list is on). The agents' line logs are declarative formats under {@code
 * io/egressdoctor/ingest/formats/}.
 */
package io.egressdoctor.ingest.agent;
