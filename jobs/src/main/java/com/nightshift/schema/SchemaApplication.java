package com.nightshift.schema;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What {@code nightshift migrate} starts instead of the engine: a connection pool and the schema's beans,
 * nothing that needs Redis, mail or a current schema. Not a {@code @Configuration}, so that the engine's
 * component scan leaves it alone.
 */
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
@Import(SchemaConfiguration.class)
public class SchemaApplication {
}
