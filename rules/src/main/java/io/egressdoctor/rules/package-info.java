/** The built-in rule pack and the required-endpoint catalog (not built yet). */
package io.egressdoctor.rules;
