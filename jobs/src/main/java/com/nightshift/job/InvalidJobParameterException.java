package com.nightshift.job;

/** A job parameter is unknown or has a value of the wrong form; the message names it and says what is wrong. */
public class InvalidJobParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidJobParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the parameter that is wrong. */
    public String parameter() {
        return parameter;
    }
}
