/** Input files: folder expansion, decompression and fingerprints. */
package io.egressdoctor.ingest.input;
