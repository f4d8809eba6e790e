package dev.gazette.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a subscriber row; the topics are filled in afterwards by {@link SubscriberStore}. */
public final class SubscriberRowMapper implements RowMapper<Subscriber> {
    @Override
    public Subscriber map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Subscriber(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                SubscriberStatus.valueOf(rs.getString("status")),
                List.of(),
                Frequency.valueOf(rs.getString("frequency")),
                DayOfWeek.valueOf(rs.getString("send_day")),
                rs.getInt("send_hour"),
                ZoneId.of(rs.getString("time_zone")),
                Locale.forLanguageTag(rs.getString("locale")),
                rs.getInt("token_version"),
                rs.getInt("calendar_version"),
                instant(rs, "created_at", ctx),
                instant(rs, "confirmed_at", ctx));
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
