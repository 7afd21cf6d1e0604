package org.haven.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.ResourceCodeResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;

/**
 * Renders pages with jte templates compiled at build time (src/main/jte): type-checked against their
 * models, HTML-escaped by default, no reflection or template parsing at run time.
 */
@ApplicationScoped
public class Pages {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final TemplateEngine engine = engine();

    @Inject
    CurrentMember current;

    @Inject
    HttpServletRequest request;

    /** The page context of the current request. */
    public PageContext context() {
        Viewer viewer = current.viewer().orElse(null);
        Object csrf = request.getAttribute(FormCsrf.PROPERTY);
        return new PageContext(viewer == null ? null : viewer.pseudonym(), viewer != null && viewer.canModerate(),
                viewer != null && viewer.isAdmin(), viewer == null ? null : viewer.country(), csrf == null ? "" : csrf.toString(),
                viewer == null ? 0 : viewer.unreadNotices());
    }

    public String render(String template, Map<String, Object> model) {
        Map<String, Object> params = new HashMap<>(model);
        params.put("ctx", context());
        StringOutput out = new StringOutput(8192);
        engine.render(template, params, out);
        return out.toString();
    }

    public Response page(String template, Map<String, Object> model) {
        return Response.ok(render(template, model), HTML).build();
    }

    public Response page(int status, String template, Map<String, Object> model) {
        return Response.status(status).type(HTML).entity(render(template, model)).build();
    }

    /**
     * The precompiled templates that every build ({@code mvn package}, {@code verify}) produces. Only
     * {@code mvn liberty:run} on a tree that was never packaged lacks them, because that goal runs the
     * resources and compiler plugins but not the jte generator: then the templates are compiled from their
     * classpath copy at first use, into a temporary folder, with the JDK compiler Liberty runs on.
     */
    private static TemplateEngine engine() {
        ClassLoader loader = Pages.class.getClassLoader();
        if (loader.getResource("gg/jte/generated/precompiled/JtelayoutGenerated.class") != null) {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, loader);
        }
        try {
            Path classes = Files.createTempDirectory("haven-jte");
            TemplateEngine compiling = TemplateEngine.create(new ResourceCodeResolver("jte", loader), classes,
                    ContentType.Html, loader);
            List<String> classPath = new ArrayList<>();
            for (Class<?> type : List.of(Pages.class, TemplateEngine.class)) {
                var source = type.getProtectionDomain().getCodeSource();
                if (source != null && "file".equals(source.getLocation().getProtocol())) {
                    classPath.add(Path.of(source.getLocation().toURI()).toString());
                }
            }
            compiling.setClassPath(classPath);
            return compiling;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("templates are neither precompiled nor compilable here", e);
        }
    }

    /** Post/redirect/get: a 303 to a local path. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /**
     * A form page re-shown because its request was refused: a refusal for too many requests says, as on the
     * API, when to try again.
     */
    public static Response refusal(ApiException refused, Response formPage) {
        if (refused instanceof RateLimitedException limited) {
            return Response.fromResponse(formPage).header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return formPage;
    }

    /** A {@code next} target that stays on this site, or "/". */
    public static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 300 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
