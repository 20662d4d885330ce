package org.ringwatch.document;

/**
 * Fired in the transaction that queued a job for the background work; once it commits, this
 * instance's worker looks for jobs at once instead of at its next poll (Processing.wake).
 */
record JobQueued() {
}
