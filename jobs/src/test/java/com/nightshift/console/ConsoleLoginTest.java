package com.nightshift.console;

import static com.nightshift.support.TestUsers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The console's door: pages ask for the login form, the form takes a name and password with its CSRF token and
 * opens a new session (its cookie kept from scripts and other sites), logging out ends it, a form posted without its
 * token is refused, and pages are in Chinese unless English is asked.
 */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-console-login-test")
class ConsoleLoginTest extends WebIntegrationTest {

    private static final String GUESSED_PASSWORD = "zhao-secret";

    /** An operator of this test's own, whose name the throttle test locks out. */
    @DynamicPropertySource
    static void guessedUser(DynamicPropertyRegistry registry) {
        TestUsers.registerAnother(registry, "zhao", GUESSED_PASSWORD, "operator");
    }

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
    void aWrongPasswordOnTheFormIsLoggedWithTheNameTriedAndTheAddress() {
        Logger logger = (Logger) LoggerFactory.getLogger("com.nightshift.security.FormLoginThrottle");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            console().logIn("zhang-no-such-user", "guess");
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .matches("Failed console login as 'zhang-no-such-user' from [0-9a-f.:]+");
    }

    @Test
    void aNameThatGuessedWrongTooOftenIsSentBackToTheFormToWaitEvenWithTheRightPassword() {
        ConsoleClient browser = console();
        int wrong = 0;
        while (!browser.logIn("zhao", "guess-" + wrong).headers().firstValue("Location").orElseThrow()
                .contains("wait=")) {
            wrong++;
            assertThat(wrong).as("wrong passwords before the form asks to wait").isLessThan(10);
        }

        HttpResponse<String> login = browser.logIn("zhao", GUESSED_PASSWORD);

        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/login\\?wait=[1-9][0-9]*");
        assertThat(browser.get(location).body()).contains("请 " + location.replaceAll(".*=", "") + " 秒后再试");
        assertThat(browser.get("/console/executions").statusCode()).as("no session opened").isEqualTo(302);
        assertThat(console().logIn(OPERATOR.user(), OPERATOR.password()).headers().firstValue("Location"))
                .as("other names are not slowed").hasValueSatisfying(other ->
                        assertThat(other).endsWith("/console/executions"));
    }

    /** A link to the form with words of its own after {@code ?wait=} must not put them in the page's mouth. */
    @Test
    void aWaitOnTheLinkThatIsNotANumberIsNotShown() {
        String crafted = URLEncoder.encode("5。账号已锁定，请拨打 555-0100 解锁", StandardCharsets.UTF_8);

        String form = console().get("/login?wait=" + crafted).body();

        assertThat(form).doesNotContain("555-0100").doesNotContain("id=\"login-wait\"");
    }

    /** Session fixation: an id planted in the browser before the login must not become a logged-in session. */
    @Test
    void theSessionIdChangesAtLogin() {
        ConsoleClient browser = console();
        browser.get("/login");
        String beforeLogin = browser.sessionId().orElseThrow(() -> new AssertionError("no session before login"));

        browser.logIn(OPERATOR);

        assertThat(browser.sessionId()).isPresent().isNotEqualTo(Optional.of(beforeLogin));
        assertThat(browser.presenting(beforeLogin).get("/console/executions").statusCode())
                .as("the id from before the login").isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHiddenFromScriptsAndFromOtherSitesRequests() {
        HttpResponse<String> form = console().get("/login");

        assertThat(form.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().asString().contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void loggingOutEndsTheSession() {
        ConsoleClient browser = console().logIn(OPERATOR);
        String session = browser.sessionId().orElseThrow();
        assertThat(browser.presenting(session).get("/console/executions").statusCode())
                .as("the session's cookie replayed while it is open").isEqualTo(200);

        HttpResponse<String> logout = browser.post("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?logout"));
        assertThat(browser.get("/console/executions").statusCode()).as("the next page").isEqualTo(302);
        assertThat(browser.presenting(session).get("/console/executions").statusCode())
                .as("the session's cookie, kept and replayed").isEqualTo(302);
    }

    /** Another site's page could otherwise log an operator out behind their back. */
    @Test
    void aLogoutPostedWithoutItsCsrfTokenIsRefused() {
        ConsoleClient browser = console().logIn(OPERATOR);

        HttpResponse<String> logout = browser.postExactly("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/executions").statusCode()).as("the session stays open").isEqualTo(200);
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
