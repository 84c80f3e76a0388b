package com.nightshift.ops;

/** A job parameter given by an operator cannot be read; names the parameter and what is wrong. */
public class MalformedJobParameterException extends RuntimeException {

    public MalformedJobParameterException(String message) {
        super(message);
    }
}
