package dev.gazette.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gazette.db.DatabaseKind;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI file against the API itself: every route Javalin registers under /api/v1 is documented and every
 * documented one is registered; the file served is the one in the sources; and what the endpoints answer has exactly
 * the properties the file's schemas list (so the documentation cannot drift from the records it describes).
 */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @TempDir
    Path dir;

    private ApiWorld world;
    private JsonNode openApi;

    @BeforeEach
    void open() throws IOException {
        world = new ApiWorld(dir, DatabaseKind.H2);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiModule.OPENAPI)) {
            openApi = new YAMLMapper().readTree(in);
        }
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void everyRouteUnderApiV1IsDocumentedAndEveryDocumentedOneIsRegistered() {
        Set<String> registered = new TreeSet<>();
        Javalin app = Javalin.create(config -> config.events.handlerAdded(h -> {
            if (h.getPath().startsWith("/api/v1/") && !h.getPath().endsWith("*")
                    && h.getHttpMethod() != HandlerType.BEFORE && h.getHttpMethod() != HandlerType.AFTER) {
                registered.add(h.getHttpMethod().name() + " " + h.getPath());
            }
        }));
        new ApiModule(world.gazette, Map::of).register(app);

        Set<String> documented = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        });

        assertThat(registered).hasSizeGreaterThan(30);
        assertThat(documented).containsExactlyElementsOf(registered);
    }

    @Test
    void everyOperationNeedsTheBearerTokenAndSays401AndTheServedFileIsThisOne() {
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        assertThat(openApi.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(openApi.path("security").get(0).has("bearerAuth")).isTrue();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && !path.getKey().equals("/health")) {
                assertThat(op.getValue().path("responses").has("401")).as(op.getKey() + " " + path.getKey()).isTrue();
                assertThat(op.getValue().has("security")).as(op.getKey() + " " + path.getKey()).isFalse();
            }
        }));
        assertThat(openApi.path("paths").path("/health").path("get").path("security")).isEmpty();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiModule.OPENAPI)) {
            assertThat(world.api.as(null).get("/api/openapi.yaml").bytes()).isEqualTo(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whatTheEndpointsAnswerHasExactlyThePropertiesTheSchemasList() throws Exception {
        world.collect();
        world.importSubscribers(ApiWorld.READERS);
        long ana = world.subscriberId("ana@example.org");
        ApiClient api = world.api;

        matches(api.get("/api/v1/token").json(), "ApiToken");
        matches(api.get("/api/v1/sources").json().get(0), "Source");
        matches(api.post("/api/v1/sources", "{\"id\": \"p\", \"type\": \"page\", \"url\": \"" + world.site("/news.html")
                + "\", \"page\": {\"item\": \"li\", \"title\": \"h3\"}}").json(), "Source");
        matches(api.post("/api/v1/sources/p/fetch").json(), "SourceResult");
        matches(api.post("/api/v1/sources/test-selectors", "{\"url\": \"" + world.site("/news.html")
                + "\", \"page\": {\"item\": \"li\", \"title\": \"h3\", \"link\": \"a\"}}").json(), "SelectorTestResult");
        matches(api.get("/api/v1/subscribers").json(), "SubscriberPage");
        matches(api.get("/api/v1/subscribers/" + ana + "/preview").json(), "Preview");
        matches(api.send("/api/v1/subscribers/import", "POST", "email,name,topics,frequency,timezone,locale\nx,y,z,w,v,u\n",
                "text/csv", Map.of()).json(), "ImportReport");
        matches(api.get("/api/v1/topics/oncology").json(), "Topic");
        matches(api.post("/api/v1/sends/dry-run", "{\"audience\": \"active\"}").json(), "SendCount");
        JsonNode progress = api.send("/api/v1/sends", "POST", "{\"audience\": \"test\", \"subscriberId\": " + ana
                + ", \"testAddress\": \"editor@example.org\"}", "application/json", Map.of("Idempotency-Key", "s1")).json();
        matches(progress, "SendProgress");
        world.gazette.sendJobs().await(progress.path("job").path("id").asLong(), java.time.Duration.ofSeconds(20));
        matches(api.get("/api/v1/sends").json().get(0), "SendJob");
        matches(api.get("/api/v1/deliveries").json().get(0), "Delivery");
        matches(api.post("/api/v1/deliveries/retry").json(), "Retried");
        JsonNode item = api.get("/api/v1/items").json().get(0);
        matches(item, "Item");
        matches(api.put("/api/v1/pins/" + item.path("id").asLong()).json(), "Pin");
        matches(api.post("/api/v1/notes", "{\"markdown\": \"Hello\"}").json(), "Note");
        JsonNode alert = api.post("/api/v1/subscribers/" + ana + "/alerts",
                "{\"query\": \"lymphoma\", \"frequency\": \"daily\"}").json();
        matches(alert, "Alert");
        world.gazette.items().save("wire", new dev.gazette.item.ItemDraft(dev.gazette.item.ItemKind.ARTICLE, "lymphoma",
                "https://wire.example.org/lymphoma", null, "Lymphoma study", "", "A lymphoma study.", List.of(),
                java.time.Instant.parse("2026-11-28T09:00:00Z"), null, null, null, false, null, null, List.of()));
        world.gazette.alerts().matchNew();
        matches(api.get("/api/v1/alerts").json().get(0), "Alert");
        JsonNode detail = api.get("/api/v1/alerts/" + alert.path("id").asLong()).json();
        assertThat(detail.path("recentMatches")).hasSize(1);
        matches(detail, "AlertDetail");
        JsonNode tested = api.post("/api/v1/alerts/test", "{\"query\": \"lymphoma OR tumour\"}").json();
        assertThat(tested.path("matched")).hasSize(2);
        matches(tested, "AlertTest");
        matches(api.post("/api/v1/alerts/test", "{\"query\": \"(lymphoma\"}").json(), "Error");
        matches(api.get("/api/v1/subscribers/0").json(), "Error");
        matches(api.post("/api/v1/subscribers", "{}").json(), "Error");
    }

    /** The object has exactly the schema's properties; object-valued ones that are references are checked too. */
    private void matches(JsonNode actual, String schemaName) {
        JsonNode schema = openApi.path("components").path("schemas").path(schemaName);
        assertThat(schema.isMissingNode()).as("schema " + schemaName).isFalse();
        JsonNode properties = schema.path("properties");
        assertThat(names(actual)).as(schemaName + " in " + actual).containsExactlyInAnyOrderElementsOf(names(properties));
        properties.fields().forEachRemaining(p -> {
            JsonNode value = actual.get(p.getKey());
            String ref = p.getValue().path("$ref").asText(p.getValue().path("items").path("$ref").asText(""));
            if (ref.isEmpty() || value == null || value.isNull()) {
                if (p.getValue().path("type").asText().equals("object") && p.getValue().has("properties")
                        && value != null && value.isObject()) {
                    matchesInline(value, p.getValue(), schemaName + "." + p.getKey());
                }
                return;
            }
            String target = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode targetSchema = openApi.path("components").path("schemas").path(target);
            if (!targetSchema.has("properties")) {
                return; // an enumeration
            }
            if (value.isArray()) {
                value.forEach(element -> matches(element, target));
            } else {
                matches(value, target);
            }
        });
    }

    /** An inline object: only properties it lists, and every one it requires (details come only with bad input). */
    private static void matchesInline(JsonNode actual, JsonNode schema, String where) {
        assertThat(names(actual)).as(where).isSubsetOf(names(schema.path("properties")));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        assertThat(names(actual)).as(where).containsAll(required);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
