/**
 * AWS CloudTrail: every file shape CloudTrail data arrives in (S3 delivery, JSON lines, bare
 * arrays, lookup-events output, the console's CSV export), the mapping of a record to ECS fields
 * with MGN knowledge, and the live LookupEvents pull through the AWS SDK.
 */
package io.egressdoctor.ingest.cloudtrail;
