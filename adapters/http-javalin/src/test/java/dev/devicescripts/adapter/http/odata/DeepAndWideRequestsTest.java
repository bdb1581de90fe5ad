package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.support.GraphApi;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** DeepAndWideRequests against the server over the in-memory store. */
class DeepAndWideRequestsTest extends DeepAndWideRequests {
    private static GraphApi api;

    @BeforeContainer
    static void start() {
        api = GraphApi.start();
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Override
    protected int port() {
        return api.server().port();
    }

    @Override
    protected String bearerToken() {
        return GraphApi.ADMIN_TOKEN;
    }
}
