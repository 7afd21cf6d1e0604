package org.haven.web;

import java.io.IOException;

/** Raised while reading a request body that is larger than {@link RequestLimits#MAX_BODY_BYTES}. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    static final Problem PROBLEM = Problem.of(413, "Request too large",
            "The request body is larger than 64 KiB. Posts can be up to 20,000 characters.");

    PayloadTooLargeException() {
        super("request body over the limit", null);
    }
}
