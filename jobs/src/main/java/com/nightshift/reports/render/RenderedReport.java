package com.nightshift.reports.render;

import com.nightshift.reports.Headline;

/**
 * A rendered report, both exports in memory (a store's day is tens of kilobytes).
 *
 * @param figuresDigest SHA-256 of the figures it was filled with, not of the files (which carry times and the
 *                      execution): equal digests mean equal figures, so a re-run can tell a correction from a
 *                      repeat
 * @param headline      its totals, for a correction's message
 */
public record RenderedReport(RenderRequest request, byte[] pdf, byte[] xlsx, String figuresDigest,
                             Headline headline) {
}
