/**
 * The batch segment writer: events gathered column by column ({@link
 * io.egressdoctor.core.index.lucene.batch.DocumentBatch}) and presented to Lucene as a segment
 * ({@link io.egressdoctor.core.index.lucene.batch.BatchReader}) that {@code IndexWriter.addIndexes}
 * writes through the codec. Like Lucene's codec packages, one file per format the segment has:
 * postings ({@code BatchPostingsProducer}), doc values ({@code BatchDocValuesProducer}), points
 * ({@code BatchPointsReader}) and stored fields ({@code BatchStoredFieldsReader}). The index shapes
 * are exactly those of {@link io.egressdoctor.core.index.lucene.LuceneDocuments}.
 */
package io.egressdoctor.core.index.lucene.batch;
