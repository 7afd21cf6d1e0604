package org.haven.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The stylesheet and the small enhancement script. The JAX-RS application owns "/", so assets are
 * served here, from a fixed list, with a day of caching.
 */
@Path("")
public class StaticAssets {

    private static final Map<String, String> ASSETS = Map.of(
            "css/haven.css", "text/css; charset=UTF-8",
            "js/haven.js", "text/javascript; charset=UTF-8");

    @Context
    ServletContext servlet;

    @GET
    @Path("{dir: css|js}/{name}")
    @Operation(hidden = true)
    public Response asset(@PathParam("dir") String dir, @PathParam("name") String name) {
        String path = dir + "/" + name;
        String type = ASSETS.get(path);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = servlet.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new NotFoundException();
            }
            CacheControl cache = new CacheControl();
            cache.setMaxAge(86_400);
            return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
