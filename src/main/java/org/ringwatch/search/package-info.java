/**
 * Full-text search over the public pages of public documents, with filters by state, agency,
 * request and date; the search page and the search API. On top of the stack: it reads documents
 * through {@code DocumentAccess.PUBLIC}, so search shows exactly what the public may see.
 */
package org.ringwatch.search;
