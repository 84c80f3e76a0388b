package com.nightshift.schema;

/**
 * The database's schema is not what this version of the engine reads: changesets are pending, an index is
 * invalid, a column of {@code orders} has a type that cannot be read exactly, or a migration could not get
 * its locks. The message says what to do, one line per problem.
 */
public class SchemaNotReadyException extends RuntimeException {

    SchemaNotReadyException(String message) {
        super(message);
    }

    SchemaNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
