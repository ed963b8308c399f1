/** The local backend: a Lucene index on disk. */
package io.egressdoctor.core.index.lucene;
