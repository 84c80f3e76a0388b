package com.nightshift.recipients;

import java.util.List;

/** The recipients file is wrong; each problem names the file, the line and the value. */
public class RecipientsFileException extends RuntimeException {

    private final List<String> problems;

    public RecipientsFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
