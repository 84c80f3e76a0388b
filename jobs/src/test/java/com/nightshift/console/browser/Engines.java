package com.nightshift.console.browser;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Runs an {@link InEachEngine} test once per {@link Engine}, each run with a {@link Browser} of its own. */
final class Engines implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Engine.values()).map(Run::new);
    }

    /**
     * One run in one engine. Its browser is kept in the run's store, which JUnit closes at the run's end whatever
     * happened, so the browser is quit on every path; a failing run saves a picture of the page it failed on.
     */
    private record Run(Engine engine) implements TestTemplateInvocationContext, ExecutionCondition,
            ParameterResolver, TestExecutionExceptionHandler {

        private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(Engines.class);

        @Override
        public String getDisplayName(int invocationIndex) {
            return engine.label();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return engine.installed() ? ConditionEvaluationResult.enabled(engine.label() + " is installed")
                    : ConditionEvaluationResult.disabled(engine.missing());
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
            int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                    .getRequiredProperty("local.server.port"));
            Browser browser = new Browser(engine, port);
            context.getStore(BROWSERS).put(Browser.class, browser);
            return browser;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            Browser browser = context.getStore(BROWSERS).get(Browser.class, Browser.class);
            if (browser != null) {
                try {
                    browser.save("failed-" + context.getRequiredTestMethod().getName());
                } catch (RuntimeException unsaved) {
                    failure.addSuppressed(unsaved);
                }
            }
            throw failure;
        }
    }
}
