package dev.gazette.web.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gazette.admin.ApiToken;
import dev.gazette.delivery.SendCount;
import dev.gazette.delivery.SendJobProgress;
import dev.gazette.digest.EditorNote;
import dev.gazette.source.ManagedSource;
import dev.gazette.source.SourceStatus;
import dev.gazette.source.page.SelectorTestResult;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.csv.ImportReport;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON mapper of the web server (Javalin's, through {@code JavalinJackson}): records are written as they are,
 * {@code Instant}s as ISO-8601 strings ({@code "2026-11-28T10:00:00Z"}), durations as ISO-8601 ({@code "PT30M"}),
 * zones by id ({@code "Asia/Seoul"}), languages as tags ({@code "ko"}). A few derived values of records from other
 * packages are added (a source's {@code editable}, a send count's {@code total}, ...) and a few internals left out
 * (a source's HTTP validators, a subscriber's link-token version), by mix-ins, so the records themselves stay free of
 * JSON concerns.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = create();

    private ApiJson() {}

    /** The shared mapper (thread-safe once configured; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule gazette = new SimpleModule("gazette-api");
        gazette.addSerializer(Locale.class, new JsonSerializer<>() {
            @Override
            public void serialize(Locale locale, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeString(locale.toLanguageTag());
            }
        });
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(gazette)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.addMixIn(ManagedSource.class, ManagedSourceMixIn.class);
        mapper.addMixIn(SourceStatus.class, SourceStatusMixIn.class);
        mapper.addMixIn(SelectorTestResult.class, SelectorTestResultMixIn.class);
        mapper.addMixIn(Subscriber.class, SubscriberMixIn.class);
        mapper.addMixIn(ImportReport.class, ImportReportMixIn.class);
        mapper.addMixIn(SendCount.class, SendCountMixIn.class);
        mapper.addMixIn(SendJobProgress.class, SendJobProgressMixIn.class);
        mapper.addMixIn(EditorNote.class, EditorNoteMixIn.class);
        mapper.addMixIn(ApiToken.class, ApiTokenMixIn.class);
        return mapper;
    }

    abstract static class ManagedSourceMixIn {
        @JsonProperty("editable")
        abstract boolean editable();
    }

    abstract static class SourceStatusMixIn {
        @JsonIgnore
        abstract String etag();

        @JsonIgnore
        abstract String lastModified();

        @JsonProperty("failing")
        abstract boolean failing();
    }

    abstract static class SelectorTestResultMixIn {
        @JsonProperty("ok")
        abstract boolean ok();
    }

    abstract static class SubscriberMixIn {
        @JsonIgnore
        abstract int tokenVersion();

        @JsonIgnore
        abstract int calendarVersion();

        @JsonProperty("receivesDigests")
        abstract boolean receivesDigests();
    }

    abstract static class ImportReportMixIn {
        @JsonProperty("rejected")
        abstract int rejected();

        @JsonProperty("clean")
        abstract boolean clean();
    }

    abstract static class SendCountMixIn {
        @JsonProperty("total")
        abstract int total();
    }

    abstract static class SendJobProgressMixIn {
        @JsonProperty("finished")
        abstract boolean finished();
    }

    abstract static class EditorNoteMixIn {
        @JsonProperty("withdrawn")
        abstract boolean withdrawn();
    }

    abstract static class ApiTokenMixIn {
        @JsonProperty("active")
        abstract boolean active();
    }
}
