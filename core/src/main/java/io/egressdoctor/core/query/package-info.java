/** The backend-neutral query model and the query language people type. */
package io.egressdoctor.core.query;
