package com.nightshift.yaml;

/** One thing wrong in a file an operator writes, at a line (1-based; 0 for the file as a whole). */
public record FileProblem(int line, String text) {

    /** The problem as messages show it: {@code file:line: text}, or {@code file: text} for the whole file. */
    public String message(String file) {
        return line > 0 ? file + ":" + line + ": " + text : file + ": " + text;
    }
}
