package com.nightshift.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail as the SMTP server that receives and keeps what tests send: on a free port, emptied before each test.
 * Register it with {@code @RegisterExtension}; its port is {@code getSmtp().getPort()}.
 */
public final class TestMailServer {

    private TestMailServer() {
    }

    public static GreenMailExtension greenMail() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);
    }
}
