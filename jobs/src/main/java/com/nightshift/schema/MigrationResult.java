package com.nightshift.schema;

import java.util.List;

/**
 * What {@code nightshift migrate} did.
 *
 * @param appliedChangeSets changesets that were pending and are now applied
 * @param rebuiltIndexes    indexes that a failed concurrent build had left invalid, built again
 */
public record MigrationResult(int appliedChangeSets, List<String> rebuiltIndexes) {
}
