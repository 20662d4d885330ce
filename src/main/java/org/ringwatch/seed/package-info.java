/**
 * Loading the reference data of {@code db/seed/}: one transaction per file, idempotent upserts,
 * and errors that name the file and line of the first bad row.
 */
package org.ringwatch.seed;
