package dev.gazette.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.admin.NewApiToken;
import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API's token check over real HTTP: no token, a wrong one, a malformed header and a revoked token are all 401
 * with {@code WWW-Authenticate: Bearer} and a JSON error, and nothing runs; a good token gets through. The public
 * endpoints (health, the OpenAPI file) need none; the old unauthenticated JSON is gone.
 */
class ApiAuthTest {
    @TempDir
    Path dir;

    private ApiWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void withoutAWorkingTokenEveryEndpointIs401AndChangesNothing() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        String create = "{\"email\": \"eve@example.org\", \"frequency\": \"weekly\"}";

        ApiClient.Answer missing = world.api.as(null).post("/api/v1/subscribers", create);
        assertUnauthorized(missing, "Bearer realm=\"gazette\"", "needs an API token");

        ApiClient.Answer wrong = world.api.as("gzt_" + "x".repeat(43)).post("/api/v1/subscribers", create);
        assertUnauthorized(wrong, "Bearer realm=\"gazette\", error=\"invalid_token\"", "not valid");

        ApiClient.Answer garbage = world.api.as("not-a-token").get("/api/v1/subscribers");
        assertUnauthorized(garbage, "Bearer realm=\"gazette\", error=\"invalid_token\"", "not valid");

        ApiClient.Answer basic = world.api.as(null).send("/api/v1/subscribers", "GET", (byte[]) null, null,
                Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + world.token).getBytes())));
        assertUnauthorized(basic, "Bearer realm=\"gazette\", error=\"invalid_request\"", "Bearer <token>");

        NewApiToken revoked = world.gazette.admin().apiTokens().create("old laptop", "alice");
        assertThat(world.api.as(revoked.secret()).get("/api/v1/token").status()).isEqualTo(200);
        world.gazette.admin().apiTokens().revoke(revoked.token().id(), "alice");
        assertUnauthorized(world.api.as(revoked.secret()).post("/api/v1/subscribers", create),
                "Bearer realm=\"gazette\", error=\"invalid_token\"", "revoked");

        assertUnauthorized(world.api.as(null).get("/api/v1/no-such-endpoint"), "Bearer realm=\"gazette\"", "token");
        assertUnauthorized(world.api.as(null).get("/metrics"), "Bearer realm=\"gazette\"", "token");
        assertThat(world.gazette.subscribers().findByEmail("eve@example.org")).isEmpty();
        assertThat(world.gazette.admin().audit().list(null, "subscriber", 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aGoodTokenGetsThroughWithoutCookiesAndItsUseIsKept(DatabaseKind kind) {
        world = new ApiWorld(dir, kind);

        ApiClient.Answer me = world.api.get("/api/v1/token");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(me.header("Set-Cookie")).isEmpty();
        assertThat(me.header("Cache-Control")).contains("no-store");
        JsonNode token = me.json();
        assertThat(token.path("name").asText()).isEqualTo(ApiWorld.TOKEN_NAME);
        assertThat(token.path("active").asBoolean()).isTrue();
        assertThat(token.path("createdAt").asText()).matches("2026-11-28T10:00:\\d\\d(\\.\\d+)?Z");
        assertThat(token.has("secret")).isFalse();
        assertThat(world.gazette.admin().apiTokens().list()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());

        ApiClient.Answer created = world.api.post("/api/v1/subscribers",
                "{\"email\": \"eve@example.org\", \"frequency\": \"weekly\"}");
        assertThat(created.status()).isEqualTo(201);
        List<AuditEntry> audit = world.gazette.admin().audit().list(null, "subscriber.create", 0, 10);
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
            assertThat(entry.target()).isEqualTo("eve@example.org");
        });
    }

    @Test
    void healthAndTheOpenApiFileArePublicAndTheOldUnauthenticatedJsonIsGone() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        ApiClient anonymous = world.api.as(null);

        assertThat(anonymous.get("/health").json()).isEqualTo(ApiClient.JSON.createObjectNode().put("status", "up"));
        ApiClient.Answer openApi = anonymous.get("/api/openapi.yaml");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(openApi.body()).startsWith("openapi: 3.");
        world.collect();
        for (String old : List.of("/api/sources", "/api/items", "/api/items?source=wire")) {
            ApiClient.Answer answer = anonymous.get(old);
            assertThat(answer.status()).as(old).isEqualTo(404);
            assertThat(answer.body()).as(old).doesNotContain("wire.example.org", "Tumour");
        }
    }

    @Test
    void anUnknownEndpointIsAJson404ForAGoodToken() {
        world = new ApiWorld(dir, DatabaseKind.H2);

        ApiClient.Answer answer = world.api.post("/api/v1/nothing/here", "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").path("status").asInt()).isEqualTo(404);
        assertThat(answer.message()).contains("POST /api/v1/nothing/here", "/api/openapi.yaml");
    }

    @Test
    void aFailureOfTheServerIsAJson500WithoutItsInternals() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.gazette.close(); // the database is gone

        for (String path : List.of("/api/v1/token", "/metrics")) {
            ApiClient.Answer answer = world.api.get(path);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
            assertThat(answer.json().path("error").path("status").asInt()).isEqualTo(500);
            assertThat(answer.message()).matches("the server failed to answer; its log has the details under reference "
                    + "[0-9a-f]{12}");
            assertThat(answer.body()).doesNotContain("Exception", "at dev.gazette", "jdbc", "SQL");
        }
    }

    private static void assertUnauthorized(ApiClient.Answer answer, String challenge, String message) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains(challenge);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = answer.json().path("error");
        assertThat(error.path("status").asInt()).isEqualTo(401);
        assertThat(error.path("message").asText()).contains(message);
        assertThat(answer.json().size()).isEqualTo(1);
    }
}
