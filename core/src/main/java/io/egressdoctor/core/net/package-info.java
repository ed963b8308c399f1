/** IP address literals and CIDR networks, without DNS. */
package io.egressdoctor.core.net;
