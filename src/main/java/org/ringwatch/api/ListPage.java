package org.ringwatch.api;

import java.util.List;

/**
 * A page of a list: the items and the address of the next page, or null on the last one.
 * Every list of the API has this shape.
 */
public record ListPage<T>(List<T> items, String next) {
}
