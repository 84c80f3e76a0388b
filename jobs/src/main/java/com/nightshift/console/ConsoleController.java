package com.nightshift.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of the operators' console: server-rendered pages under {@code /console}, laid out by
 * {@code templates/console/layout.html}. Marks it for {@link ConsoleExceptionHandler}, so that a failure shows as a
 * page, where the API's handlers answer with problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {
}
