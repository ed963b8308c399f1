/** The egress-doctor command line. */
package io.egressdoctor.shell;
