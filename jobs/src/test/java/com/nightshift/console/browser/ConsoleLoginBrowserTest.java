package com.nightshift.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightshift.support.TestUsers;

/** The console's door in a real browser engine: the login form, a wrong password, logging out. */
class ConsoleLoginBrowserTest extends BrowserTest {

    @InEachEngine
    void theRightPasswordOpensTheExecutionsPageUnderTheUsersName(Browser browser) {
        browser.open("/login").save("login");

        browser.logIn(TestUsers.OPERATOR);

        assertThat(browser.path()).isEqualTo("/console/executions");
        assertThat(browser.find("#current-user").getText()).isEqualTo(TestUsers.OPERATOR.user());
    }

    @InEachEngine
    void aWrongPasswordShowsTheLoginErrorAndNoConsole(Browser browser) {
        browser.logIn(TestUsers.OPERATOR.user(), "not-" + TestUsers.OPERATOR.password());

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find("#login-failed").getText()).isEqualTo("用户名或密码错误。连续输错几次后需要等待片刻再试。");
        browser.save("login-failed");
        assertThat(browser.open("/console/executions").path()).as("still not logged in").isEqualTo("/login");
    }

    @InEachEngine
    void loggingOutReturnsToTheLoginForm(Browser browser) {
        browser.logIn(TestUsers.VIEWER);

        browser.press("#logout");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.has("#logged-out")).isTrue();
        assertThat(browser.open("/console/executions").path()).as("the session is gone").isEqualTo("/login");
    }
}
