package com.nightshift.console;

import static com.nightshift.support.TestUsers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.support.ConsoleClient;
import com.nightshift.support.WebIntegrationTest;

/**
 * The console's door: pages ask for the login form, the form takes a name and password with its CSRF token and
 * opens a session, a form posted without its token is refused, and pages are in Chinese unless English is asked.
 */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-console-login-test")
class ConsoleLoginTest extends WebIntegrationTest {

    @Test
    void aPageAskedForWithoutALoginSendsTheBrowserToTheLoginForm() {
        HttpResponse<String> response = console().get("/console/executions");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
    }

    @Test
    void theLoginFormIsInChineseAndCarriesItsCsrfToken() {
        HttpResponse<String> form = console().get("/login");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("用户名").contains("密码").containsPattern("name=\"_csrf\"\\s+value=\"[^\"]+\"");
    }

    @Test
    void theLoginFormIsInEnglishWhenAsked() {
        assertThat(console().get("/login?lang=en").body()).contains("Password").doesNotContain("密码");
    }

    @Test
    void theRightPasswordWithTheFormsTokenOpensTheConsole() {
        HttpResponse<String> login = console().logIn(OPERATOR.user(), OPERATOR.password());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/console/executions"));
    }

    @Test
    void aWrongPasswordReturnsToTheFormSayingSo() {
        ConsoleClient browser = console();

        HttpResponse<String> login = browser.logIn(OPERATOR.user(), "guess");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        ConsoleClient browser = console();
        browser.get("/login");

        HttpResponse<String> login = browser.postExactly("/login",
                Map.of("username", OPERATOR.user(), "password", OPERATOR.password()));

        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void aPageThatDoesNotExistIsTheConsolesErrorPage() {
        HttpResponse<String> missing = console().logIn(OPERATOR).get("/console/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到这个页面");
    }
}
