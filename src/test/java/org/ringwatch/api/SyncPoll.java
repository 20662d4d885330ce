package org.ringwatch.api;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One sync response of a list (one page): its items and tombstones by id (a Long; an agency,
 * which has no id in the API, by its url), in order, and the next poll's address.
 */
public record SyncPoll(List<Object> ids, Map<Object, Map<String, Object>> items,
        Map<Object, Map<String, Object>> tombstones, String sync) {

    /** The first sync of everything: a timestamp older than any change. */
    public static final String EPOCH = "1970-01-01T00:00:00Z";

    public static SyncPoll of(Response response) {
        response.then().statusCode(200);
        JsonPath json = response.jsonPath();
        assertNull(json.getString("next"), "one page is enough here");
        List<Object> ids = new ArrayList<>();
        Map<Object, Map<String, Object>> items = new LinkedHashMap<>();
        Map<Object, Map<String, Object>> tombstones = new LinkedHashMap<>();
        for (Map<String, Object> change : json.<Map<String, Object>>getList("items")) {
            Object id = change.get("id") instanceof Number number ? (Object) number.longValue() : change.get("url");
            ids.add(id);
            (Boolean.TRUE.equals(change.get("deleted")) ? tombstones : items).put(id, change);
        }
        String sync = link(response, "sync");
        assertNotNull(sync, "the last page hands back the next poll");
        return new SyncPoll(ids, items, tombstones, sync);
    }

    /** The next poll, from the mark this one handed back. */
    public SyncPoll next() {
        return of(given().urlEncodingEnabled(false).when().get(sync));
    }

    public static String link(Response response, String rel) {
        for (String link : response.headers().getValues("Link")) {
            if (link.endsWith("; rel=\"" + rel + "\"")) {
                return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            }
        }
        return null;
    }
}
