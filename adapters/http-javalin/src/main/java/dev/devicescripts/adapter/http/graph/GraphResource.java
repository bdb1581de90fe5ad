package dev.devicescripts.adapter.http.graph;

import io.javalin.config.RoutesConfig;

/**
 * A resource the Graph API serves beside the others: its routes under Graph's root and the path segments they are
 * made of. The server makes each one from what it shares with every resource.
 */
public interface GraphResource {
    void register(RoutesConfig routes);

    KnownSegments segments();

    /**
     * What every resource is built with: where its links point, how it reads request bodies, and the most items a
     * page of a list holds.
     */
    record Shared(LinkBase links, RequestBodies bodies, int pageSize) {
    }

    /** Makes the resource once the server knows its shared parts. */
    @FunctionalInterface
    interface Factory {
        GraphResource create(Shared shared);
    }
}
