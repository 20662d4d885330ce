package org.ringwatch.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import org.ringwatch.platform.Today;

/** Starts or continues the sync ({@code updated_since}) of any list. */
@RequestScoped
public class Syncs {

    private final EntityManager em;
    private final Today today;

    public Syncs(EntityManager em, Today today) {
        this.em = em;
        this.today = today;
    }

    /**
     * The sync {@code updatedSince} asks for (a 400 naming it when bad), from {@code cursor}; null
     * when there is none, the list then being an ordinary one.
     */
    public SyncPosition start(String updatedSince, String cursor) {
        Watermark since = Watermark.parse(updatedSince);
        return since == null ? null : SyncPosition.of(since, cursor, em, today.date());
    }
}
