/**
 * Public-records requests to an agency: the status model, the correspondence log, statutory
 * deadlines, letters, followers, who sees what ({@code RequestAccess}, {@code RequestViews}) and
 * the lists of requests ({@code RequestList}); the request pages, dashboard and requests API.
 * It reads agencies and states below it and never documents: the request page's documents come
 * through {@code RequestAttachments}, which the document feature implements.
 */
package org.ringwatch.request;
