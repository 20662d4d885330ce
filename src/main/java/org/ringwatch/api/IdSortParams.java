package org.ringwatch.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code sort} of a list in id order (requests, agreements) and of the entries or clauses
 * that follow it, declared once for all four and their reference.
 */
public class IdSortParams {

    @Parameter(description = IdOrder.DESCRIPTION + "; a list of entries or clauses follows its parents' order",
            example = "-id")
    @QueryParam("sort")
    String sort;

    public IdOrder order() {
        return IdOrder.parse(sort, IdOrder.NEWEST_FIRST);
    }

    /** A sync (updated_since) lists changes oldest first by id: any sort given is a 400 naming it. */
    public void requireSyncOrder() {
        SyncPosition.requireIdOrder(sort == null || sort.isBlank());
    }
}
