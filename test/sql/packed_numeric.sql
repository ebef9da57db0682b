-- Packed decimals of up to 8 bytes go to numeric through base-10000 digit
-- groups, without a binary step (zf_packed_to_groups, numeric_build.c),
-- in scans and in unpack_decimal.  The oracle is PostgreSQL's numeric_in:
-- the packed bytes are the value's digits written in hex with a sign
-- nibble, and the expected numeric is the same digits as text, so every
-- result must have the same bytes (numeric_send) as numeric_in makes.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_packed_numeric;
SET search_path = test_packed_numeric, public;

-- digit strings with zero groups inside and at either end, all nines,
-- single digits, and zero
CREATE TABLE digit_strings AS
  SELECT d FROM unnest(ARRAY['0', '1', '9', '10', '99', '1000', '9999', '10000',
    '12345', '50000', '100000000', '100000001', '123456789', '700000000',
    '999999999999999', '100000000000000', '100000000000001', '123456789012345',
    '000000000000001', '9000', '90000000']) d;

-- 1. unpack_decimal: every length from 1 to 8 bytes, both signs, every
--    scale from 0 to 3 digits beyond the field
CREATE TABLE cases AS
  SELECT n, s, neg, ds,
         decode(lpad(ds, 2 * n - 1, '0') || CASE WHEN neg THEN 'D' ELSE 'C' END, 'hex') AS packed,
         (CASE WHEN neg THEN '-' ELSE '' END ||
          CASE WHEN s = 0 THEN padded
               ELSE left(padded, -s) || '.' || right(padded, s) END)::numeric AS ref
    FROM (SELECT n, s, ds, lpad(ds, greatest(length(ds), s + 1), '0') AS padded
            FROM (SELECT n, ltrim(d, '0') AS ds FROM digit_strings, generate_series(1, 8) n
                   WHERE length(ltrim(d, '0')) <= 2 * n - 1) lens,
                 generate_series(0, 2 * n + 2) s) c,
         (VALUES (false), (true)) sg(neg);
SELECT count(*) AS cases,
       count(*) FILTER (WHERE numeric_send(zfdw.unpack_decimal(packed, s)) <> numeric_send(ref)) AS not_canonical,
       count(*) FILTER (WHERE zfdw.unpack_decimal(packed, s)::text <> ref::text) AS wrong_text
  FROM cases;
-- a few by eye
SELECT encode(packed, 'hex') AS packed, s, zfdw.unpack_decimal(packed, s)
  FROM cases
 WHERE (n, s) IN ((3, 0), (3, 2), (8, 2), (8, 17)) AND ds IN ('12345', '100000001', '')
 ORDER BY n, s, neg, ds;
-- negative zero is zero; bad digits and signs still get the general path's error
SELECT zfdw.unpack_decimal('\x000D'::bytea, 2) AS neg_zero;
SELECT zt_error($$SELECT zfdw.unpack_decimal('\x1A3C'::bytea, 0)$$);
SELECT zt_error($$SELECT zfdw.unpack_decimal('\x1234'::bytea, 0)$$);

-- 2. scans: an 8-byte S9(13)V99 field read as numeric (its own scale),
--    numeric(20,5) (three more digits: the groups shift) and numeric(17,2);
--    a 3-byte S9(3)V99 field as numeric(5,2) and numeric(7,4); the file is
--    written by perl from the hex of the cases
CREATE TABLE scan_cases AS
  SELECT row_number() OVER (ORDER BY ds, neg) AS k, ds, neg,
         lpad(ds, 15, '0') || CASE WHEN neg THEN 'D' ELSE 'C' END AS big_hex,
         lpad(right(ds, 5), 5, '0') || CASE WHEN neg THEN 'D' ELSE 'C' END AS small_hex
    FROM (SELECT DISTINCT ltrim(d, '0') AS ds FROM digit_strings) d,
         (VALUES (false), (true)) sg(neg);
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf packed_numeric_tmp && mkdir packed_numeric_tmp';
COPY (SELECT big_hex || small_hex FROM scan_cases ORDER BY k)
  TO PROGRAM 'perl -ne ''chomp; print pack("H*", $_)'' > packed_numeric_tmp/values.dat';
\set cb '       01  PACKED-REC.\n           05  BIG    PIC S9(13)V99 COMP-3.\n           05  SMALL  PIC S9(3)V99 COMP-3.'
SELECT E:'cb' AS cb \gset
CREATE SERVER packed FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE values_as_read (
    k bigint OPTIONS (meta 'record_number'),
    big numeric, small numeric
) SERVER packed OPTIONS (filename 'packed_numeric_tmp/values.dat', copybook_text :'cb');
CREATE FOREIGN TABLE values_typed (
    k bigint OPTIONS (meta 'record_number'),
    big numeric(20,5), small numeric(7,4)
) SERVER packed OPTIONS (filename 'packed_numeric_tmp/values.dat', copybook_text :'cb');
CREATE FOREIGN TABLE values_exact (
    k bigint OPTIONS (meta 'record_number'),
    big numeric(17,2), small numeric(5,2)
) SERVER packed OPTIONS (filename 'packed_numeric_tmp/values.dat', copybook_text :'cb');
CREATE VIEW expected AS
  SELECT k,
         (CASE WHEN neg THEN '-' ELSE '' END || left(lpad(ds, 15, '0'), 13) || '.' || right(lpad(ds, 15, '0'), 2))::numeric AS big,
         (CASE WHEN neg THEN '-' ELSE '' END || left(lpad(right(ds, 5), 5, '0'), 3) || '.' || right(lpad(right(ds, 5), 5, '0'), 2))::numeric AS small
    FROM scan_cases;
SELECT count(*) AS records,
       count(*) FILTER (WHERE numeric_send(r.big) <> numeric_send(e.big)) AS big_not_canonical,
       count(*) FILTER (WHERE numeric_send(r.small) <> numeric_send(e.small)) AS small_not_canonical
  FROM values_as_read r JOIN expected e USING (k);
SELECT count(*) AS records,
       count(*) FILTER (WHERE numeric_send(r.big) <> numeric_send(e.big::numeric(20,5))) AS big_not_canonical,
       count(*) FILTER (WHERE numeric_send(r.small) <> numeric_send(e.small::numeric(7,4))) AS small_not_canonical
  FROM values_typed r JOIN expected e USING (k);
SELECT count(*) AS records,
       count(*) FILTER (WHERE numeric_send(r.big) <> numeric_send(e.big)) AS big_not_canonical,
       count(*) FILTER (WHERE numeric_send(r.small) <> numeric_send(e.small)) AS small_not_canonical
  FROM values_exact r JOIN expected e USING (k);
-- without the record number every column takes the fast path: the values
-- in file order, as text
SELECT (SELECT string_agg(big::text || '/' || small::text, ',') FROM values_typed) =
       (SELECT string_agg(big::numeric(20,5)::text || '/' || small::numeric(7,4)::text, ',' ORDER BY k)
          FROM expected) AS all_fast_equal;
SELECT k, big, small FROM values_typed WHERE k IN (1, 2, 17, 18, 39, 40) ORDER BY k;

-- a column too narrow for some values: the fast path hands those to the
-- general path, which reports the overflow with the record and field
CREATE FOREIGN TABLE values_narrow (
    k bigint OPTIONS (meta 'record_number'),
    big numeric(6,2)
) SERVER packed OPTIONS (filename 'packed_numeric_tmp/values.dat', copybook_text :'cb');
SELECT zt_error($$SELECT sum(big) FROM values_narrow$$);
ALTER FOREIGN TABLE values_narrow OPTIONS (ADD on_error 'null', ADD log_verbosity 'silent');
SELECT count(*) FILTER (WHERE r.big IS NULL) AS nulled,
       count(*) FILTER (WHERE r.big = e.big) AS equal,
       (SELECT count(*) FROM expected WHERE abs(big) < 10000) AS expected_to_fit
  FROM values_narrow r JOIN expected e USING (k);

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf packed_numeric_tmp';
DROP SCHEMA test_packed_numeric CASCADE;
DROP SERVER packed CASCADE;
