package org.ringwatch.pagecache;

import jakarta.enterprise.context.ApplicationScoped;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.Today;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages rendered from the current {@link DataVersion} generation, by address and date (a page
 * may turn on the date: "overdue", embargoes that lift). A new generation starts empty and the
 * old one's pages go with it; a render that began in an older generation stores into that one,
 * where nobody will look. Bounded in bytes: the pages least recently asked for go first.
 */
@ApplicationScoped
public class RenderedPages {

    private final DataVersion version;
    private final Today today;
    private final long maxBytes;
    private volatile Generation generation;

    public RenderedPages(DataVersion version, Today today, RingWatchConfig config) {
        this.version = version;
        this.today = today;
        this.maxBytes = config.pageCache().enabled() ? config.pageCache().maxBytes() : 0;
    }

    /** The pages of the current generation, or null when none may be kept (cache off, or not listening). */
    Generation current() {
        long number = version.current();
        if (number < 0 || maxBytes <= 0) {
            return null;
        }
        Generation g = generation;
        if (g == null || g.number != number) {
            synchronized (this) {
                g = generation;
                if (g == null || g.number != number) {
                    g = new Generation(number, maxBytes);
                    generation = g;
                }
            }
        }
        return g;
    }

    /** The key a page is kept under: the day, then the address as the visitor sent it (path and query). */
    String key(String uri) {
        return today.date() + " " + uri;
    }

    /** One generation's pages, least recently used first. */
    static final class Generation {

        final long number;
        private final long maxBytes;
        private final LinkedHashMap<String, RenderedPage> pages = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Generation(long number, long maxBytes) {
            this.number = number;
            this.maxBytes = maxBytes;
        }

        synchronized RenderedPage get(String key) {
            return pages.get(key);
        }

        synchronized void put(String key, RenderedPage page) {
            if (cost(key, page) > maxBytes) {
                return;
            }
            RenderedPage replaced = pages.put(key, page);
            bytes += cost(key, page) - (replaced == null ? 0 : cost(key, replaced));
            Iterator<Map.Entry<String, RenderedPage>> oldest = pages.entrySet().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                Map.Entry<String, RenderedPage> entry = oldest.next();
                bytes -= cost(entry.getKey(), entry.getValue());
                oldest.remove();
            }
        }

        /** What a page holds in memory, near enough: its bytes, its key's characters, some overhead. */
        private static long cost(String key, RenderedPage page) {
            return page.body().length + 2L * key.length() + 128;
        }
    }
}
