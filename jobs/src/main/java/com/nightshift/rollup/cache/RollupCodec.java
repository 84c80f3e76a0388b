package com.nightshift.rollup.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupGrain;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a store-day's rows into the bytes stored in Redis and back: a JSON array, gzip-compressed when larger
 * than the threshold. The gzip magic bytes tell the two forms apart, so no marker of our own is needed.
 */
@Component
class RollupCodec {

    private static final byte GZIP_MAGIC_FIRST = (byte) GZIPInputStream.GZIP_MAGIC;
    private static final byte GZIP_MAGIC_SECOND = (byte) (GZIPInputStream.GZIP_MAGIC >> 8);

    // Our own mapper, not the application's: the stored format must not change with the web API's settings.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final long gzipThreshold;

    RollupCodec(RollupCacheProperties properties) {
        this.gzipThreshold = properties.gzipThreshold().toBytes();
    }

    byte[] encode(List<RollupRow> rows) {
        byte[] json = mapper.writeValueAsBytes(rows);
        return json.length > gzipThreshold ? gzip(json) : json;
    }

    List<RollupRow> decode(RollupGrain grain, byte[] value) {
        try (InputStream json = isGzip(value)
                ? new GZIPInputStream(new ByteArrayInputStream(value))
                : new ByteArrayInputStream(value)) {
            return mapper.readerForListOf(rowType(grain)).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress a cached " + grain.path() + " value", e);
        }
    }

    static boolean isGzip(byte[] value) {
        return value.length >= 2 && value[0] == GZIP_MAGIC_FIRST && value[1] == GZIP_MAGIC_SECOND;
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(json.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a rollup value in memory", e);
        }
        return compressed.toByteArray();
    }

    private static Class<? extends RollupRow> rowType(RollupGrain grain) {
        return switch (grain) {
            case STORE_DAILY -> StoreDailyRow.class;
            case STORE_PRODUCT_DAILY -> StoreProductDailyRow.class;
            case STORE_CHANNEL_DAILY -> StoreChannelDailyRow.class;
        };
    }
}
