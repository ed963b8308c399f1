/**
 * Who the agent is in one investigation: the source servers, installers, appliances and AWS
 * principals that run the migration or DR agent, each with the evidence for it, so that rules judge
 * the agent's traffic and not every client of the proxy.
 */
package io.egressdoctor.diagnosis.agent;
