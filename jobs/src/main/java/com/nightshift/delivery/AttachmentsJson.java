package com.nightshift.delivery;

import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A letter's attachments as the ledger keeps them: a JSON array of file name, content type and path. */
final class AttachmentsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Stored>> STORED = new TypeReference<>() {
    };

    private AttachmentsJson() {
    }

    static String write(List<Attachment> attachments) {
        return JSON.writeValueAsString(attachments.stream()
                .map(a -> new Stored(a.fileName(), a.contentType(), a.file().toAbsolutePath().toString()))
                .toList());
    }

    static List<Attachment> read(String json) {
        return JSON.readValue(json, STORED).stream()
                .map(s -> new Attachment(s.fileName(), s.contentType(), Path.of(s.path())))
                .toList();
    }

    private record Stored(String fileName, String contentType, String path) {
    }
}
