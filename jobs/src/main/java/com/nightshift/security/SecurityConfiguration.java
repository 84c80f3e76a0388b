package com.nightshift.security;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.nightshift.audit.OperatorActions;

/**
 * Who may call what. Unless {@code nightshift.security.enabled} is switched off, everything but the load balancer's
 * liveness and readiness probes needs a login: the API by HTTP Basic on every request (no session, so no cookie a browser could
 * be tricked into sending, hence no CSRF token), reads for viewers and operators, every other method for operators
 * only, the Prometheus scrape endpoint also for a scraper's metrics role; a refusal is a problem detail (401
 * anonymous or wrong password, 403 a viewer's operator action, 429 a name that guessed wrong too often:
 * {@link FailedLogins}). The console's pages are a second chain, with a login form and a session. Only where there
 * is a web server: the one-shot commands serve nothing.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PROBES = {"/actuator/health/liveness", "/actuator/health/readiness"};
    private static final String PROMETHEUS = "/actuator/prometheus";
    private static final String CONSOLE_LOGIN = "/login";
    private static final String CONSOLE_ASSETS = "/assets/**";

    /** Hashes as Spring Security names them ({@code {bcrypt}...}), a right password remembered for a while. */
    @Bean
    PasswordEncoder passwordEncoder(Clock clock) {
        return new RememberedPasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
    }

    /** The configured users; none while logins are off, so that nobody can log in by a default user either. */
    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = properties.enabled() ? ConfiguredUsers.of(properties.users()) : List.of();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems,
                                    FailedLogins failedLogins) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PROBES).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, PROMETHEUS)
                        .hasAnyRole(Role.METRICS.name(), Role.VIEWER.name(), Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                        .hasAnyRole(Role.VIEWER.name(), Role.OPERATOR.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .addFilterBefore(new LoginThrottleFilter(failedLogins, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /**
     * The console: a login form and a session, so every form carries a CSRF token (Spring Security's default,
     * kept in the session). Pages are read by viewers and operators, every form post is an operator's. Wrong
     * passwords on the form are logged and slowed as the API's are ({@link FormLoginThrottle}). With
     * logins off, everyone is an anonymous operator, so that the pages show their buttons and the audit names
     * somebody.
     */
    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityProperties properties, FailedLogins failedLogins)
            throws Exception {
        http.securityMatcher("/**")
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .anonymous(anonymous -> anonymous.principal(OperatorActions.ANONYMOUS)
                            .authorities("ROLE_" + Role.OPERATOR.name()))
                    .build();
        }
        FormLoginThrottle throttle = new FormLoginThrottle(CONSOLE_LOGIN, failedLogins);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(CONSOLE_LOGIN, CONSOLE_ASSETS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(Role.VIEWER.name(), Role.OPERATOR.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(CONSOLE_LOGIN).defaultSuccessUrl("/console/executions")
                        .failureHandler(throttle))
                .logout(logout -> logout.logoutSuccessUrl(CONSOLE_LOGIN + "?logout"))
                .build();
    }
}
