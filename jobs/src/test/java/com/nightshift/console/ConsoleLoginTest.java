package com.nightshift.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/**
 * The console's door: pages ask for the login form, the form takes a name and password with its CSRF token and
 * opens a session, a form posted without its token is refused, and pages are in Chinese unless English is asked.
 */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-console-login-test",
        "nightshift.security.enabled=true"})
class ConsoleLoginTest extends WebIntegrationTest {

    private static final String PASSWORD = TestUsers.OPERATOR.password();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageAskedForWithoutALoginSendsTheBrowserToTheLoginForm() throws Exception {
        HttpResponse<String> response = get("/console/executions");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
    }

    @Test
    void theLoginFormIsInChineseAndCarriesItsCsrfToken() throws Exception {
        HttpResponse<String> form = get("/login");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("用户名").contains("密码");
        assertThat(CSRF.matcher(form.body()).find()).as("a CSRF token in the form").isTrue();
    }

    @Test
    void theLoginFormIsInEnglishWhenAsked() throws Exception {
        assertThat(get("/login?lang=en").body()).contains("Password").doesNotContain("密码");
    }

    @Test
    void theRightPasswordWithTheFormsTokenOpensTheConsole() throws Exception {
        HttpResponse<String> login = post("/login", "username=" + TestUsers.OPERATOR.user() + "&password=" + encode(PASSWORD)
                + "&_csrf=" + csrfOf(get("/login")));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/console/executions"));
    }

    @Test
    void aWrongPasswordReturnsToTheFormSayingSo() throws Exception {
        HttpResponse<String> login = post("/login", "username=" + TestUsers.OPERATOR.user() + "&password=guess&_csrf=" + csrfOf(get("/login")));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?error"));
        assertThat(get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        get("/login");

        HttpResponse<String> login = post("/login", "username=" + TestUsers.OPERATOR.user() + "&password=" + encode(PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void aPageThatDoesNotExistIsTheConsolesErrorPage() throws Exception {
        post("/login", "username=" + TestUsers.OPERATOR.user() + "&password=" + encode(PASSWORD) + "&_csrf=" + csrfOf(get("/login")));

        HttpResponse<String> missing = browser.send(HttpRequest.newBuilder(uri("/console/no-such-page"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到这个页面");
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return encode(token.group(1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
