package com.nightshift.console;

import static com.nightshift.support.TestUsers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

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
 * opens a session, a form posted without its token is refused, and pages are in Chinese unless English is asked.
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
