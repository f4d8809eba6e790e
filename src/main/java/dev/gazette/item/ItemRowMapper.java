package dev.gazette.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an item row; its topics are filled in afterwards by {@link ItemStore}. */
public final class ItemRowMapper implements RowMapper<Item> {
    @Override
    public Item map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("source_id"),
                ItemKind.valueOf(rs.getString("kind")),
                rs.getString("guid"),
                rs.getString("link"),
                rs.getString("title"),
                rs.getString("summary_html"),
                rs.getString("summary_text"),
                categories(rs.getString("categories")),
                instant(rs, "published_at", ctx),
                instant(rs, "updated_at", ctx),
                instant(rs, "starts_at", ctx),
                instant(rs, "ends_at", ctx),
                rs.getBoolean("all_day"),
                rs.getString("time_zone"),
                rs.getString("location"),
                instant(rs, "first_seen_at", ctx),
                List.of());
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }

    static String joinCategories(List<String> categories) {
        return String.join("\n", categories);
    }

    private static List<String> categories(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
