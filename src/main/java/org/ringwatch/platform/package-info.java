/**
 * What the service stands on: the embedded PostgreSQL and its supervision, our own
 * configuration, today's date, and the one definition of a clean name and a slug. The bottom
 * of the stack: nothing here imports another RingWatch package.
 */
package org.ringwatch.platform;
