package io.github.migrationtest.core.internal.liquibase;

import java.io.IOException;
import java.util.List;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * The chain's resources, found also by paths written for Spring Boot: {@code classpath:db/changelog/x.sql}
 * (or {@code classpath:/db/...}) in {@code include}, {@code includeAll} and {@code sqlFile}. Spring's resource
 * accessor resolves such paths; plain Liquibase looks for a file literally named so and fails. Here they name
 * the class path resource without the prefix, so that changelogs written for Spring run unchanged.
 */
final class SpringPathsResourceAccessor extends CompositeResourceAccessor {

    private static final String CLASSPATH = "classpath:";

    SpringPathsResourceAccessor(List<ResourceAccessor> accessors) {
        super(accessors);
    }

    @Override
    public List<Resource> getAll(String path) throws IOException {
        return super.getAll(withoutPrefix(path));
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        return super.search(withoutPrefix(path), recursive);
    }

    @Override
    public List<Resource> search(String path, SearchOptions options) throws IOException {
        return super.search(withoutPrefix(path), options);
    }

    /** The path without Spring's {@code classpath:} prefix and the slash that may follow it. */
    static String withoutPrefix(String path) {
        if (path == null || !path.startsWith(CLASSPATH)) {
            return path;
        }
        String rest = path.substring(CLASSPATH.length());
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest;
    }
}
