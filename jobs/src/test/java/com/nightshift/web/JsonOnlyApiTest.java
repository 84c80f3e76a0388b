package com.nightshift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import com.nightshift.support.WebIntegrationTest;

/**
 * JasperReports brings Jackson 2's XML module, and Spring would then answer a browser (whose Accept header
 * prefers XML to any other type) with XML: the API answers JSON to it all the same.
 */
class JsonOnlyApiTest extends WebIntegrationTest {

    @Autowired
    private RequestMappingHandlerAdapter handlers;

    @Test
    void aJsonEndpointAnswersJsonToABrowsersXmlPreferringAcceptHeader() throws Exception {
        HttpResponse<String> response = api().send(api()
                .request("/api/rollups/store-daily?store=S1&from=2026-11-01&to=2026-11-02")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void downloadsAndTextKeepTheirConvertersWhoseWildcardAlsoCoversXml() {
        assertThat(handlers.getMessageConverters())
                .anyMatch(ByteArrayHttpMessageConverter.class::isInstance)
                .anyMatch(ResourceHttpMessageConverter.class::isInstance)
                .anyMatch(StringHttpMessageConverter.class::isInstance);
    }
}
