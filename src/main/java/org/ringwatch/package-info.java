/**
 * RingWatch: a public-records tracker for the agreements between police departments and
 * Amazon's Ring. Packages are by feature ({@code agency}, {@code state}, later {@code request},
 * {@code document}, {@code agreement}, {@code account}, {@code search}) plus {@code web} (layout and
 * HTML errors), {@code api} (problem+json, paging) and {@code platform} (embedded database,
 * configuration, names).
 */
package org.ringwatch;
