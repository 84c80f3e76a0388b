package com.nightshift.console.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run once in each {@link Engine}, given a {@link Browser} of that engine logged in as nobody; an engine not
 * installed on this machine has its run skipped, saying how to install it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(Engines.class)
public @interface InEachEngine {
}
