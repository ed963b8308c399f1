/** Rules, the rule engine, cross-source analyzers and findings (not built yet). */
package io.egressdoctor.analyzers;
