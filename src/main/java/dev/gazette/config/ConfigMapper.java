package dev.gazette.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** The one Jackson mapper that reads and writes configuration: kebab-case keys, friendly scalar forms. */
final class ConfigMapper {
    private ConfigMapper() {}

    static ObjectMapper create() {
        SimpleModule scalars = new SimpleModule("gazette-config");
        add(scalars, Duration.class, Durations::parse, Durations::format);
        add(scalars, ByteSize.class, ByteSize::parse, ByteSize::toString);
        add(scalars, Path.class, Path::of, Path::toString);
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // The file is bound on its own (for line numbers) before the defaults are merged in, so a
                // key it leaves out must not be an error; the merged tree always has every key.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(scalars)
                .build();
    }

    private static <T> void add(SimpleModule module, Class<T> type, Function<String, T> parse,
            Function<T, String> format) {
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return ctx.reportInputMismatch(type, "expected a single value, not a list or a section");
                }
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    return ctx.reportInputMismatch(type, e.getMessage());
                }
            }
        });
        module.addSerializer(type, new StdScalarSerializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format.apply(value));
            }
        });
    }
}
