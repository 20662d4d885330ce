/**
 * What the service stands on: the process entry point and its embedded PostgreSQL, our own
 * configuration, and the one definition of a clean name and a slug.
 */
package org.ringwatch.platform;
