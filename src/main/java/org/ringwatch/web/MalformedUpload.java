package org.ringwatch.web;

import java.io.IOException;

/**
 * An upload's body that cannot be read as {@code multipart/form-data}, or that stopped before its
 * end: the client's fault (or its connection's), answered 400, never a server error.
 */
public class MalformedUpload extends IOException {

    public MalformedUpload(String message) {
        super(message);
    }

    public MalformedUpload(String message, Throwable cause) {
        super(message, cause);
    }
}
