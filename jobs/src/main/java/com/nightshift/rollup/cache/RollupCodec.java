package com.nightshift.rollup.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.StoreChannelDailyRow;
import com.nightshift.rollup.StoreDailyRow;
import com.nightshift.rollup.StoreProductDailyRow;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
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
    // Built once, with their serializers, at start-up: measured on 2 cores, building them on first use cost the
    // first rollup transaction of each worker about 0.2 s.
    private final Map<RollupGrain, ObjectWriter> writers = new EnumMap<>(RollupGrain.class);
    private final Map<RollupGrain, ObjectReader> readers = new EnumMap<>(RollupGrain.class);
    private final long gzipThreshold;

    RollupCodec(RollupCacheProperties properties) {
        this.gzipThreshold = properties.gzipThreshold().toBytes();
        for (RollupGrain grain : RollupGrain.values()) {
            writers.put(grain, mapper.writerFor(mapper.getTypeFactory().constructCollectionType(List.class,
                    rowType(grain))));
            readers.put(grain, mapper.readerForListOf(rowType(grain)));
        }
    }

    byte[] encode(RollupGrain grain, List<RollupRow> rows) {
        byte[] json = writers.get(grain).writeValueAsBytes(rows);
        return json.length > gzipThreshold ? gzip(json) : json;
    }

    List<RollupRow> decode(RollupGrain grain, byte[] value) {
        try (InputStream json = isGzip(value)
                ? new GZIPInputStream(new ByteArrayInputStream(value))
                : new ByteArrayInputStream(value)) {
            return readers.get(grain).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress a cached " + grain.path() + " value", e);
        }
    }

    private static boolean isGzip(byte[] value) {
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
