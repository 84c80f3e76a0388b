package com.nightshift.schema;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The schema's beans, shared by the engine and {@link SchemaApplication}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchemaProperties.class)
public class SchemaConfiguration {

    @Bean
    SchemaMigration schemaMigration(DataSource dataSource, SchemaProperties properties,
                                    ResourceLoader resourceLoader) {
        return new SchemaMigration(dataSource, properties, resourceLoader);
    }
}
