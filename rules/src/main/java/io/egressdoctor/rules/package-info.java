/**
 * The built-in rule pack ({@code pack/}) and the required-endpoint catalog ({@code
 * catalog/required-endpoints.yml}) as resources of this module, and the fixture runner that checks
 * every rule on its own logs.
 */
package io.egressdoctor.rules;
