package com.nightshift.recipients;

/** One thing wrong in the recipients file, at a line (1-based; 0 for the file as a whole). */
record FileProblem(int line, String text) {

    String message(String file) {
        return line > 0 ? file + ":" + line + ": " + text : file + ": " + text;
    }
}
