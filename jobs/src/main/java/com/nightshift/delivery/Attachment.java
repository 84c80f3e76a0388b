package com.nightshift.delivery;

import java.nio.file.Path;

/** A file attached to a letter, read from disk when the letter is sent. */
public record Attachment(String fileName, String contentType, Path file) {
}
