package com.nightshift.embedded;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A server the command needs has no setting, and embedded servers were not asked for: the operator forgot a
 * setting or mistyped its name. Starting a private embedded server instead would hide the mistake.
 */
public class ServerNotConfiguredException extends RuntimeException {

    ServerNotConfiguredException(List<EmbeddedService> missing) {
        super(message(missing));
    }

    private static String message(List<EmbeddedService> missing) {
        List<String> descriptions = missing.stream().map(EmbeddedService::description).toList();
        String what = descriptions.size() == 1 ? descriptions.get(0)
                : String.join(", ", descriptions.subList(0, descriptions.size() - 1)) + " or "
                + descriptions.get(descriptions.size() - 1);
        String settings = missing.stream().map(EmbeddedService::setting).collect(Collectors.joining(", "));
        return "no " + what + " configured: set " + settings
                + ", or pass --embedded (NIGHTSHIFT_EMBEDDED_ENABLED=true) to start embedded servers for what is not set";
    }
}
