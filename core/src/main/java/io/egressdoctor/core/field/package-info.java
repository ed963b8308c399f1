/** The field registry: every ECS-named field egress-doctor indexes, with its type. */
package io.egressdoctor.core.field;
