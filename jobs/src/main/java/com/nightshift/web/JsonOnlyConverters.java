package com.nightshift.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.stereotype.Component;

/**
 * The API speaks JSON only. JasperReports needs Jackson 2's XML module on the classpath, and Spring then adds an
 * XML converter that a browser's Accept header ({@code application/xhtml+xml,application/xml;q=0.9,...})
 * prefers to JSON: every converter that names an XML type is taken out again.
 */
@Component
class JsonOnlyConverters implements ServerHttpMessageConvertersCustomizer {

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                converter.getSupportedMediaTypes().stream().anyMatch(JsonOnlyConverters::xml)));
    }

    /** XML by name: not the wildcards of the string, byte and resource converters, which files still need. */
    private static boolean xml(MediaType type) {
        return type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml");
    }
}
