package dev.gazette.admin;

/**
 * A token just created: {@code secret} is what a client sends ({@code Authorization: Bearer <secret>}). It is
 * not stored and cannot be shown again.
 */
public record NewApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[" + token + ", secret hidden]";
    }
}
