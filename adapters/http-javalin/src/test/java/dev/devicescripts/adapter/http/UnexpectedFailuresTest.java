package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.out.StorageUnavailableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnexpectedFailuresTest {

    @Test
    void anUnexpectedFailureIsAnInternalServerErrorThatRevealsNothingOfIt() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), (tenant, id) -> {
            throw new IllegalStateException("connection string secret=hunter2");
        }, useCases.list(), useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(),
                useCases.health()))) {

            Reply reply = api.get(SCRIPTS + "/00000000-0000-4000-8000-000000000001");

            assertGraphError(reply, 500, "InternalServerError", "unexpected");
            assertThat(reply.body()).doesNotContain("hunter2", "IllegalStateException");
        }
    }

    @Test
    void readyzIsServiceUnavailableWithRetryAfterAndTheReasonWhileHealthzStaysOkWhenStorageIsNotReady() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
                useCases.list(), useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(),
                () -> Readiness.notReady("the database cannot be reached")))) {

            Reply ready = api.get("/readyz");
            Reply alive = api.get("/healthz");

            assertGraphError(ready, 503, "ServiceUnavailable", "not ready", "the database cannot be reached");
            assertThat(ready.header("Retry-After")).matches("\\d+");
            assertThat(alive.status()).isEqualTo(200);
        }
    }

    @Test
    void busyStorageIsServiceUnavailableWithRetryAfterNotAnError() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
                useCases.list(), useCases.update(), useCases.delete(), (caller, command) -> {
                    throw new StorageUnavailableException("The database is busy: no connection within 5000 ms",
                            new SQLTransientConnectionException());
                }, useCases.assignments(), useCases.health()))) {
            String id = api.createScript("Busy");

            Reply reply = api.post(SCRIPTS + "/" + id + "/assign", "{}");

            assertGraphError(reply, 503, "ServiceUnavailable", "busy");
            assertThat(reply.header("Retry-After")).matches("\\d+");
        }
    }
}
