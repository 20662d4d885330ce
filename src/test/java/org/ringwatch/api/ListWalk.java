package org.ringwatch.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks a list of the API in every format and checks they agree: the JSON pages (nothing twice),
 * the CSV pages by their Link header, NDJSON and JSON with {@code all=true}. Lists' tests share
 * it so each checks the same things the same way. URLs go as written: a "next" link is already
 * encoded ({@code agency=OR%2Fx}), and encoding it again would name another agency.
 */
public final class ListWalk {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private ListWalk() {
    }

    /**
     * @param url    the list with its filters and a small {@code limit}, no format or all
     * @param header the CSV header row expected
     * @param key    the item fields that identify a row (JSON names, also the CSV columns)
     * @return each row's key (its fields joined by "/"), in the order of the JSON pages
     */
    public static List<String> everyFormat(String url, String header, String... key) {
        List<String> json = pages(url, key);
        assertEquals(json.size(), new HashSet<>(json).size(), "no row twice across pages: " + json);

        List<String> csv = new ArrayList<>();
        String next = url + "&format=csv";
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).contentType(startsWith("text/csv"))
                    .extract().response();
            List<List<String>> rows = csv(page.asString());
            assertEquals(header, String.join(",", rows.get(0)));
            List<Integer> columns = Arrays.stream(key).map(field -> rows.get(0).indexOf(field)).toList();
            rows.subList(1, rows.size()).forEach(row -> csv.add(columns.stream().map(row::get)
                    .collect(Collectors.joining("/"))));
            String link = page.header("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? matcher.group(1) : null;
        }
        assertEquals(json, csv, "the CSV pages hold the JSON pages' rows");

        String ndjson = given().urlEncodingEnabled(false).when().get(url + "&format=ndjson&all=true").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        assertEquals(json, ndjson.lines().filter(line -> !line.isEmpty())
                .map(line -> key(JsonPath.from(line).getMap(""), key)).toList(), "NDJSON, all=true, has every row once");

        JsonPath whole = given().urlEncodingEnabled(false).when().get(url + "&all=true").then().statusCode(200).extract().jsonPath();
        assertEquals(json, keys(whole, key), "all=true equals the pages");
        assertNull(whole.getString("next"));

        String wholeCsv = given().urlEncodingEnabled(false).when().get(url + "&format=csv&all=true").then().statusCode(200).extract().asString();
        List<List<String>> rows = csv(wholeCsv);
        assertEquals(header, String.join(",", rows.get(0)));
        assertEquals(json.size(), rows.size() - 1, "a CSV of the whole list has a header and a row per item");
        return json;
    }

    /** Each row's key on every JSON page, following {@code next}. */
    public static List<String> pages(String url, String... key) {
        List<String> values = new ArrayList<>();
        String next = url;
        int pages = 0;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().log().ifValidationFails().statusCode(200).extract()
                    .jsonPath();
            values.addAll(keys(page, key));
            next = page.getString("next");
            assertTrue(++pages < 1000, "the cursor moves on");
        }
        return values;
    }

    /** A CSV body as rows of cells, the header first. */
    public static List<List<String>> csv(String body) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(body)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(JsonPath page, String... key) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().map(item -> key(item, key)).toList();
    }

    private static String key(Map<String, Object> item, String... key) {
        return Arrays.stream(key).map(field -> String.valueOf(item.get(field))).collect(Collectors.joining("/"));
    }
}
