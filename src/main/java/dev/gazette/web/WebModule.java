package dev.gazette.web;

import io.javalin.Javalin;

/** One feature's part of the web server (reader pages, admin console, API): it adds its routes. */
@FunctionalInterface
public interface WebModule {
    void register(Javalin app);
}
