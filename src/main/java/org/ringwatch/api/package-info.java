/**
 * Conventions every JSON endpoint shares: problem+json errors, list pages with a next link,
 * opaque keyset cursors and the limit parameter.
 */
package org.ringwatch.api;
