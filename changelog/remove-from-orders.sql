-- Removes from a chain's orders table what Nightshift's changelog added to it, and forgets those changesets,
-- so that a later `nightshift migrate` would add them again. The rows, the columns and the POS's own objects
-- are kept. Run it with the engine stopped:
--
--   psql -v ON_ERROR_STOP=1 -d chain -f changelog/remove-from-orders.sql
--
-- Every statement waits at most 5 s for its lock, so the POS's writes never queue behind it for longer; run it
-- again if one gave up. Two things stay, because the changelog cannot tell them from the POS's own (see
-- changelog/README.md): the updated_at column, and the id column's default (orders_id_seq).
SET lock_timeout = '5s';

BEGIN;
ALTER TABLE orders
    DROP CONSTRAINT IF EXISTS orders_order_no_present,
    DROP CONSTRAINT IF EXISTS orders_store_name_present,
    DROP CONSTRAINT IF EXISTS orders_product_name_present,
    DROP CONSTRAINT IF EXISTS orders_channel_present,
    DROP CONSTRAINT IF EXISTS orders_dates_present,
    DROP CONSTRAINT IF EXISTS orders_status_known,
    DROP CONSTRAINT IF EXISTS orders_quantity_positive,
    DROP CONSTRAINT IF EXISTS orders_amount_sign;
DROP TRIGGER IF EXISTS orders_touch_updated_at_on_insert ON orders;
DROP TRIGGER IF EXISTS orders_touch_updated_at_on_update ON orders;
DROP TRIGGER IF EXISTS orders_note_vanished_key ON orders;
DROP TRIGGER IF EXISTS orders_log_inserted_keys ON orders;
DROP TRIGGER IF EXISTS orders_log_updated_keys ON orders;
DROP TRIGGER IF EXISTS orders_log_deleted_keys ON orders;
DROP FUNCTION IF EXISTS orders_touch_updated_at();
DROP FUNCTION IF EXISTS orders_note_vanished_key();
DROP FUNCTION IF EXISTS orders_log_inserted_keys();
DROP FUNCTION IF EXISTS orders_log_updated_keys();
DROP FUNCTION IF EXISTS orders_log_deleted_keys();
DELETE FROM databasechangelog
WHERE filename = 'nightshift/003-orders.xml'
   OR (filename = 'nightshift/005-rollup-bookkeeping.xml'
       AND id IN ('005-orders-vanished-keys', '005-orders-unroutable-index'))
   OR (filename = 'nightshift/009-orders-changed-keys.xml'
       AND id IN ('009-orders-changed-keys-functions', '009-orders-changed-keys-triggers',
                  '009-orders-vanished-keys-retired'))
   OR (filename = 'nightshift/025-redundant-indexes.xml' AND id = '025-orders-redundant-index');
COMMIT;

-- Outside a transaction, so that the table stays writable while each index goes.
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_store_date;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_product;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_channel;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_store_date_channel;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_updated_at;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_unroutable;
