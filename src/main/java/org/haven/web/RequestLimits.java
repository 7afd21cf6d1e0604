package org.haven.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every request body is bounded at 64 KiB and, when it is text (JSON, a form), must be valid UTF-8,
 * before anything else reads it: over the bound is a 413, broken UTF-8 a 400, instead of a body that is
 * silently cut or has characters replaced. A declared length over the bound is refused without reading.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String TOO_LARGE = "The request body is larger than 64 KiB. Posts can be up to 20,000 characters.";

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        // getLength() rather than the raw header: over HTTP/2 the header can arrive twice ("16,16")
        if (request.getLength() > MAX_BODY_BYTES) {
            throw new ApiException(413, "Request too large", TOO_LARGE, null);
        }
        if (!request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "Request too large", TOO_LARGE, null);
        }
        if (isText(request.getMediaType()) && !isUtf8(body)) {
            String message = "The request body is not valid UTF-8. Send text encoded as UTF-8.";
            throw new ApiException(400, "Malformed request", message,
                    List.of(new Problem.FieldError("request", "body", message)));
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean isText(MediaType type) {
        return type != null && (type.getSubtype().endsWith("json") || type.getType().equals("text")
                || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
