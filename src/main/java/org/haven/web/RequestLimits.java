package org.haven.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds every request body at 64 KiB before anything reads it: a declared length over the bound is
 * refused at once with 413; a body without a length is cut off while it is read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        // getLength() rather than the raw header: over HTTP/2 the header can arrive twice ("16,16")
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(PayloadTooLargeException.PROBLEM).build());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    /** Counts bytes as they are read and fails past the bound. */
    static final class Bounded extends FilterInputStream {
        private long count;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
        }
    }
}
