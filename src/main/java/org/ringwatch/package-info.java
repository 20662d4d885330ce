/**
 * RingWatch: a public-records tracker for the agreements between police departments and
 * Amazon's Ring. Packages are by feature and form a stack that reads one way, each importing
 * only those below it ({@code ArchitectureTest} checks it):
 * <ol>
 * <li>on top: {@code app} (the process entry and the {@code seed} command), {@code seed}
 * (reference data), {@code browse} (home, states, cities, agencies, the states API),
 * {@code search}, {@code feed} (the Atom feeds) and {@code review} (the moderators' queue),
 * reading the features through their read models;</li>
 * <li>the features, each on the ones after it: {@code agreement}, {@code document},
 * {@code request}, {@code agency}, {@code state};</li>
 * <li>plumbing: {@code account}, {@code audit}, {@code api} (problem+json, paging, cursors) and
 * {@code web} (flash, form token, HTML errors);</li>
 * <li>at the bottom {@code platform} (embedded database, configuration, today, names), which
 * imports no other RingWatch package.</li>
 * </ol>
 * Where a parent page lists its children, the child package offers the read model.
 */
package org.ringwatch;
