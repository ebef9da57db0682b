-- Every field type and layout variant of a DB2 UNLOAD, from punches that
-- test/data/punch/generate.py wrote in UNLOAD's style together with their
-- data sets and expected values (see that program for how each type is
-- stored).  Each table is imported and compared with its expected rows.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set d :abs_srcdir '/data/punch'

CREATE SERVER db2_types FOREIGN DATA WRAPPER zfdw;

CREATE OR REPLACE FUNCTION punch_mismatches(foreign_table regclass, expected regclass)
RETURNS TABLE (side text, row_text text) LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT ''decoded'', t::text FROM (SELECT f::text AS t FROM %s f EXCEPT ALL
                                         SELECT e::text FROM %s e) x
         UNION ALL
         SELECT ''expected'', t::text FROM (SELECT e::text AS t FROM %s e EXCEPT ALL
                                          SELECT f::text FROM %s f) y
         ORDER BY 1, 2 LIMIT 6', foreign_table, expected, expected, foreign_table);
END $$;

-- Import, load the expected rows, count and compare.
CREATE OR REPLACE FUNCTION punch_check(foreign_table regclass, expected_file text)
RETURNS TABLE (rows bigint, mismatched bigint) LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TEMP TABLE expected_rows (LIKE %s)', foreign_table);
    EXECUTE format('COPY expected_rows FROM %L', expected_file);
    RETURN QUERY EXECUTE format('SELECT (SELECT count(*) FROM %s), (SELECT count(*) FROM punch_mismatches(%L, ''expected_rows''))',
                                foreign_table, foreign_table);
    DROP TABLE expected_rows;
END $$;

-- 1. All types, positional, every varying field padded to its slot:
--    CHAR, VARCHAR, SMALLINT, INTEGER, BIGINT, DECIMAL (packed; scale
--    from the DDL), DECIMAL ZONED, DECIMAL and INTEGER EXTERNAL, REAL,
--    FLOAT(21), FLOAT(53) in hexadecimal floating point, DECFLOAT(16/34),
--    DATE, TIME, TIMESTAMP(0/6/12), TIMESTAMP WITH TIME ZONE, ROWID,
--    BINARY, VARBINARY, CLOB, BLOB, XML (2-byte lengths), VARCHAR CLOBF.
CREATE SCHEMA pt_t1;
\set p :d '/alltypes.punch'
\set f :d '/alltypes.dat'
\set ddl :d '/alltypes.ddl'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t1
  OPTIONS (punch :'p', filename :'f', ddl :'ddl');
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
  FROM pg_attribute WHERE attrelid = 'pt_t1.alltypes'::regclass AND attnum > 0
 ORDER BY attnum;
\set e :d '/alltypes.expected.tsv'
SELECT * FROM punch_check('pt_t1.alltypes', :'e');
-- VARCHAR comes back exactly as stored, trailing blanks included; CHAR
-- is trimmed (trim 'right', the default)
SELECT count(*) FILTER (WHERE nick LIKE '% ') AS nick_trailing_blanks,
       count(*) FILTER (WHERE name LIKE '% ') AS name_trailing_blanks
  FROM pt_t1.alltypes;
-- a TIMESTAMP(12) does not fit timestamp: only text keeps its digits
CREATE FOREIGN TABLE pt_t1.ts12 (ts12 timestamp) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT * FROM zt_error('SELECT * FROM pt_t1.ts12');
CREATE FOREIGN TABLE pt_t1.ts12_text (ts12 text, ts0 timestamp(0), ts timestamp(6)) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT ts12, ts0, ts FROM pt_t1.ts12_text LIMIT 2;
CREATE FOREIGN TABLE pt_t1.ts_short (ts timestamp(3)) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT * FROM zt_error('SELECT * FROM pt_t1.ts_short');
-- without a DDL, numeric(p,s) columns give DECIMAL scales; a value that
-- does not fit is an error, never rounded
CREATE FOREIGN TABLE pt_t1.amounts (id integer, amount numeric(11,2), rate numeric(5,4),
                                 df16 numeric, r4 float8, d8 numeric) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT count(*) FROM pt_t1.amounts a JOIN pt_t1.alltypes t USING (id)
 WHERE a.amount IS NOT DISTINCT FROM t.amount AND a.rate = t.rate AND a.df16 = t.df16
   AND a.r4 IS NOT DISTINCT FROM t.r4::float8 AND a.d8 = t.d8::text::numeric;
CREATE FOREIGN TABLE pt_t1.rate_short (rate numeric(5,2)) SERVER db2_types
  OPTIONS (punch :'p', filename :'f', ddl :'ddl');
SELECT * FROM zt_error('SELECT * FROM pt_t1.rate_short');
CREATE FOREIGN TABLE pt_t1.df_short (df16 numeric(20,2)) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT * FROM zt_error('SELECT * FROM pt_t1.df_short');
-- a VARCHAR or VARBINARY read as bytea: the bytes without their length
CREATE FOREIGN TABLE pt_t1.raw (nick bytea, vbin bytea, fref text) SERVER db2_types
  OPTIONS (punch :'p', filename :'f');
SELECT count(*) FROM pt_t1.raw r JOIN pt_t1.alltypes a ON a.vbin IS NOT DISTINCT FROM r.vbin
 AND zfdw.to_ebcdic(a.nick, 'cp037') IS NOT DISTINCT FROM r.nick AND a.fref = r.fref;

-- 2. NOPAD: varying fields unpadded, POSITION(*) after the first,
--    DSN_NULL_IND_nnnnn fields, a DECIMAL whose length only the DDL gives,
--    records of varying length (RECFM VB, RDWs kept by the transfer).
CREATE SCHEMA pt_t2;
\set p :d '/nopad.punch'
\set f :d '/nopad.dat'
\set ddl :d '/nopad.ddl'
SELECT * FROM zt_error($$IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t2
  OPTIONS (punch '$$ || :'p' || $$', filename '$$ || :'f' || $$')$$);
SELECT pg_read_file(:'ddl') AS ddltext \gset
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t2
  OPTIONS (punch :'p', filename :'f', ddl_text :'ddltext');
\set e :d '/nopad.expected.tsv'
SELECT * FROM punch_check('pt_t2.nopadt', :'e');
SELECT name, length(note) AS note_length, amount, qty FROM pt_t2.nopadt ORDER BY id LIMIT 4;

-- 3. FORMAT SPANNED YES: RECFM VBS, LOBs at the end with 4-byte lengths,
--    one CLOB of 40,000 bytes spanning segments.
CREATE SCHEMA pt_t3;
\set p :d '/spanned.punch'
\set f :d '/spanned.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t3
  OPTIONS (punch :'p', filename :'f');
\set e :d '/spanned.expected.tsv'
SELECT * FROM punch_check('pt_t3.spant', :'e');
SELECT max(length(body)) AS longest_clob, count(*) FILTER (WHERE body IS NULL) AS null_clobs
  FROM pt_t3.spant;

-- 4. UNICODE CCSID(367,1208,1200): VARCHAR MIXED and CHAR MIXED in UTF-8,
--    GRAPHIC, VARGRAPHIC and DBCLOB in UTF-16 (lengths in characters)
CREATE SCHEMA pt_t4;
\set p :d '/unicode.punch'
\set f :d '/unicode.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t4
  OPTIONS (punch :'p', filename :'f');
\set e :d '/unicode.expected.tsv'
SELECT * FROM punch_check('pt_t4.unit', :'e');
SELECT g, vg FROM pt_t4.unit WHERE g <> '' ORDER BY id LIMIT 3;

-- 5. FLOAT(IEEE): REAL and DOUBLE as big-endian IEEE 754
CREATE SCHEMA pt_t5;
\set p :d '/ieee.punch'
\set f :d '/ieee.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t5
  OPTIONS (punch :'p', filename :'f');
\set e :d '/ieee.expected.tsv'
SELECT * FROM punch_check('pt_t5.ieeet', :'e');

-- 6. Several tables in one data set, one of them in two partition
--    blocks, and a table of another creator: IMPORT takes the creator's
--    tables, partitions merged; LIMIT TO and EXCEPT choose among them.
CREATE SCHEMA pt_bank;
CREATE SCHEMA pt_bank2;
CREATE SCHEMA pt_audit;
\set p :d '/multi.punch'
\set f :d '/multi.dat'
\set ddl :d '/multi.ddl'
IMPORT FOREIGN SCHEMA bank FROM SERVER db2_types INTO pt_bank
  OPTIONS (punch :'p', filename :'f', recfm 'vb', ddl :'ddl');
SELECT relname FROM pg_class WHERE relnamespace = 'pt_bank'::regnamespace ORDER BY 1;
IMPORT FOREIGN SCHEMA bank LIMIT TO (orders) FROM SERVER db2_types INTO pt_bank2
  OPTIONS (punch :'p', filename :'f', recfm 'vb', ddl :'ddl');
IMPORT FOREIGN SCHEMA "AUDIT" EXCEPT (nothing) FROM SERVER db2_types INTO pt_audit
  OPTIONS (punch :'p', filename :'f', recfm 'vb');
SELECT relname FROM pg_class WHERE relnamespace IN ('pt_bank2'::regnamespace, 'pt_audit'::regnamespace) ORDER BY 1;
\set e :d '/multi_customer.expected.tsv'
SELECT * FROM punch_check('pt_bank.customer', :'e');
\set e :d '/multi_orders.expected.tsv'
SELECT * FROM punch_check('pt_bank.orders', :'e');
\set e :d '/multi_events.expected.tsv'
SELECT * FROM punch_check('pt_audit.events', :'e');
SELECT * FROM zt_error($$IMPORT FOREIGN SCHEMA nobody FROM SERVER db2_types INTO pt_bank
  OPTIONS (punch '$$ || :'p' || $$', filename '$$ || :'f' || $$')$$);
-- the table option names one table; without it a multi-table punch is
-- ambiguous
CREATE FOREIGN TABLE pt_bank.ambiguous (cust_id integer) SERVER db2_types
  OPTIONS (punch :'p', filename :'f', recfm 'vb');
SELECT * FROM zt_error('SELECT * FROM pt_bank.ambiguous');
CREATE FOREIGN TABLE pt_bank.some_orders (order_id bigint, total numeric(9,2)) SERVER db2_types
  OPTIONS (punch :'p', filename :'f', recfm 'vb', "table" 'orders');
SELECT count(*), sum(total) = (SELECT sum(total) FROM pt_bank.orders) AS same_total FROM pt_bank.some_orders;

-- 7. HEADER NONE (no OBID, no WHEN) and HEADER CONST (a WHEN on a
--    character constant, compared in EBCDIC)
CREATE SCHEMA pt_t7;
\set p :d '/header_none.punch'
\set f :d '/header_none.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t7 OPTIONS (punch :'p', filename :'f');
\set e :d '/header_none.expected.tsv'
SELECT * FROM punch_check('pt_t7.nohdr', :'e');
\set p :d '/header_const.punch'
\set f :d '/header_const.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t7 OPTIONS (punch :'p', filename :'f');
\set e :d '/header_const.expected.tsv'
SELECT * FROM punch_check('pt_t7.consth', :'e');

-- 8. DSNTIAUL: POSITION(n) only, the null indicator after its field
--    (NULLIF(n)='?', X'6F'), VARCHAR padded up to the next field,
--    DECIMAL(p,s) in the punch itself, unquoted names.
CREATE SCHEMA pt_t8;
\set p :d '/dsntiaul.punch'
\set f :d '/dsntiaul.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_types INTO pt_t8 OPTIONS (punch :'p', filename :'f');
\set e :d '/dsntiaul.expected.tsv'
SELECT * FROM punch_check('pt_t8.dept', :'e');
