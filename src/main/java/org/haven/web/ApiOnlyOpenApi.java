package org.haven.web;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** The OpenAPI document describes the JSON API only; pages and assets share the application but not the contract. */
public class ApiOnlyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().keySet().stream()
                    .filter(path -> !path.startsWith("/api/v1"))
                    .toList()
                    .forEach(openAPI.getPaths()::removePathItem);
        }
    }
}
