package org.ringwatch.platform;

import java.net.URI;

/**
 * The site's absolute address, for links that leave the page (citations, feed ids, invitation
 * links, API "next" links): {@code ringwatch.public-url} behind a proxy, else the address this
 * request came to. Without a trailing slash.
 */
public final class SiteAddress {

    private SiteAddress() {
    }

    public static String of(RingWatchConfig config, URI requestBase) {
        return config.publicUrl().filter(url -> !url.isBlank()).orElse(requestBase.toString())
                .replaceAll("/+$", "");
    }
}
