package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.in.CheckHealthUseCase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * /healthz fails only for storage broken for good, which a restart cures; a store that is merely not ready does not.
 */
class LivenessTest {
    private static final String CAUSE = "H2 closed the database under the server";

    @Test
    void storageBrokenForGoodFailsLivenessAndReadinessNamingTheCause() {
        CheckHealthUseCase broken = new CheckHealthUseCase() {
            @Override
            public Readiness readiness() {
                return Readiness.notReady("the database can no longer be used and the server must restart: " + CAUSE);
            }

            @Override
            public Optional<String> broken() {
                return Optional.of(CAUSE);
            }
        };
        try (GraphApi api = startWith(broken)) {
            Reply health = api.get("/healthz");

            assertGraphError(health, 503, "ServiceUnavailable", "The service cannot work again until it restarts: "
                    + CAUSE + ".");
            assertGraphError(api.get("/readyz"), 503, "ServiceUnavailable", "The service is not ready: the database "
                    + "can no longer be used and the server must restart: " + CAUSE);
        }
    }

    @Test
    void storageThatIsNotReadyLeavesTheProcessAlive() {
        try (GraphApi api = startWith(() -> Readiness.notReady("the database cannot be reached"))) {
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            assertGraphError(api.get("/readyz"), 503, "ServiceUnavailable", "the database cannot be reached");
        }
    }

    private static GraphApi startWith(CheckHealthUseCase health) {
        return GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(), useCases.list(),
                useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(), health));
    }
}
