/**
 * Public pages rendered once and served from memory. A page marked {@link org.ringwatch.pagecache.PublicPage}
 * is kept, as UTF-8 bytes with an ETag, for visitors who are not signed in, and served again, or
 * answered 304, until a write to anything public pages show commits: {@link org.ringwatch.pagecache.DataVersion}
 * hears of it from PostgreSQL (a notification from any instance) and from this instance's own
 * statements, and every page rendered before it is dropped at once.
 */
package org.ringwatch.pagecache;
